namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// The fixed points of pod priority (Kubernetes' pkg/apis/scheduling): user classes stay at or below one billion,
/// the two system classes sit above it so nothing a user defines outranks them, and a pod without a class in a
/// cluster without a default class gets 0.
/// </summary>
public static class SchedulingPriorities
{
    public const int HighestUserDefinable = 1_000_000_000;

    public const int SystemCritical = 2 * HighestUserDefinable;

    /// <summary>Names starting with this are reserved for <see cref="SystemClasses"/>.</summary>
    public const string SystemPrefix = "system-";

    public const string SystemClusterCritical = "system-cluster-critical";

    public const string SystemNodeCritical = "system-node-critical";

    /// <summary>The priority of a pod naming no class when no class is the global default.</summary>
    public const int DefaultWhenNoDefaultClass = 0;

    public const string PreemptLowerPriority = "PreemptLowerPriority";

    public const string Never = "Never";

    /// <summary>Sorted, as Kubernetes lists supported values.</summary>
    public static IReadOnlyList<string> PreemptionPolicies { get; } = [Never, PreemptLowerPriority];

    /// <summary>
    /// The classes the API server keeps in place (created at start when absent, never deletable), with Kubernetes'
    /// values and descriptions. Each call returns new objects, so callers may fill their metadata.
    /// </summary>
    public static IReadOnlyList<PriorityClass> SystemClasses() =>
    [
        new()
        {
            Metadata = { Name = SystemNodeCritical },
            Value = SystemCritical + 1000,
            Description = "Used for system critical pods that must not be moved from their current node.",
            PreemptionPolicy = PreemptLowerPriority,
        },
        new()
        {
            Metadata = { Name = SystemClusterCritical },
            Value = SystemCritical,
            Description = "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.",
            PreemptionPolicy = PreemptLowerPriority,
        },
    ];

    public static bool IsSystemClass(string? name) => name is SystemNodeCritical or SystemClusterCritical;
}

using RaftOrchestrator.Controllers.Nodes;

namespace RaftOrchestrator.Controllers.Manager;

/// <summary>How a controller manager runs: which controllers, how many workers each, and its leader election.</summary>
public sealed record ControllerManagerOptions
{
    public ControllerSelection Controllers { get; init; } = ControllerSelection.All;

    /// <summary>
    /// Workers per controller by name; absent names use <see cref="DefaultWorkers"/>. Kubernetes' defaults:
    /// 5 for deployments, replica sets, endpoints; 20 for the garbage collector; 10 for namespaces.
    /// </summary>
    public IReadOnlyDictionary<string, int> Workers { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public int DefaultWorkers { get; init; } = 5;

    /// <summary>Off: this manager acts at once and alone (a single manager, or tests). On: it acts only while it holds the lease.</summary>
    public bool LeaderElect { get; init; } = true;

    /// <summary>The holder identity written to the lease: unique per process ("host_uuid" in Kubernetes).</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    public string LeaseNamespace { get; init; } = "kube-system";

    public string LeaseName { get; init; } = "kube-controller-manager";

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The node lifecycle controller's grace periods and eviction rates.</summary>
    public NodeLifecycleOptions NodeLifecycle { get; init; } = new();

    /// <summary>The component name events are recorded under (source.component).</summary>
    public string Component { get; init; } = "controller-manager";

    public int WorkersFor(string controller) => Workers.TryGetValue(controller, out int n) && n > 0 ? n : DefaultWorkers;
}

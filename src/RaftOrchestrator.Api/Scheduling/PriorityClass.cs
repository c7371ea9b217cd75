using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// scheduling.k8s.io/v1 PriorityClass (cluster-scoped): the priority a pod naming it receives at admission, and
/// whether such a pod may preempt lower-priority ones. <see cref="Value"/> and <see cref="PreemptionPolicy"/> are
/// immutable; at most one class is the <see cref="GlobalDefault"/> of pods that name none.
/// </summary>
[MessagePackObject]
public sealed class PriorityClass : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    /// <summary>The priority pods of this class get; above <see cref="SchedulingPriorities.HighestUserDefinable"/> only for the system classes.</summary>
    [Key(3)] public int Value { get; set; }

    /// <summary>Omitted from JSON when false, as Kubernetes' omitempty does.</summary>
    [Key(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool GlobalDefault { get; set; }

    [Key(5)] public string? Description { get; set; }

    /// <summary><see cref="SchedulingPriorities.PreemptLowerPriority"/> (the default) or <see cref="SchedulingPriorities.Never"/>.</summary>
    [Key(6)] public string? PreemptionPolicy { get; set; }
}

using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>Observed state, reported by the kubelet and the scheduler.</summary>
[MessagePackObject]
public sealed class PodStatus
{
    [Key(0)] public long? ObservedGeneration { get; set; }

    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    [Key(1)] public string? Phase { get; set; }

    [Key(2)]
    [PatchMergeKey("type")]
    public List<PodCondition>? Conditions { get; set; }

    [Key(3)] public string? Message { get; set; }

    [Key(4)] public string? Reason { get; set; }

    [Key(5)] public string? NominatedNodeName { get; set; }

    [Key(6)] public string? HostIP { get; set; }

    [Key(7)]
    [PatchMergeKey("ip")]
    public List<HostIP>? HostIPs { get; set; }

    [Key(8)] public string? PodIP { get; set; }

    [Key(9)]
    [PatchMergeKey("ip")]
    public List<PodIP>? PodIPs { get; set; }

    [Key(10)] public DateTime? StartTime { get; set; }

    [Key(11)] public List<ContainerStatus>? InitContainerStatuses { get; set; }

    [Key(12)] public List<ContainerStatus>? ContainerStatuses { get; set; }

    /// <summary>Guaranteed, Burstable or BestEffort, computed from the resources on create.</summary>
    [Key(13)] public string? QosClass { get; set; }

    [Key(14)] public List<ContainerStatus>? EphemeralContainerStatuses { get; set; }

    [Key(15)] public string? Resize { get; set; }

    [Key(16)] public ResourceRequirements? Resources { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodCondition
{
    /// <summary>PodScheduled, Initialized, ContainersReady, Ready, or a readiness gate's type.</summary>
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public long? ObservedGeneration { get; set; }

    /// <summary>True, False or Unknown.</summary>
    [Key(2)] public string Status { get; set; } = "";

    [Key(3)] public DateTime? LastProbeTime { get; set; }

    [Key(4)] public DateTime? LastTransitionTime { get; set; }

    [Key(5)] public string? Reason { get; set; }

    [Key(6)] public string? Message { get; set; }
}

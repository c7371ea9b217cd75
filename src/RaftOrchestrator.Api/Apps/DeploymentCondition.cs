using MessagePack;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class DeploymentCondition
{
    /// <summary>Available, Progressing or ReplicaFailure.</summary>
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public string Status { get; set; } = "";

    [Key(2)] public DateTime? LastUpdateTime { get; set; }

    [Key(3)] public DateTime? LastTransitionTime { get; set; }

    [Key(4)] public string? Reason { get; set; }

    [Key(5)] public string? Message { get; set; }
}

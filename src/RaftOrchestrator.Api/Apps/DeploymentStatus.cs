using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class DeploymentStatus
{
    [Key(0)] public long? ObservedGeneration { get; set; }

    [Key(1)] public int? Replicas { get; set; }

    [Key(2)] public int? UpdatedReplicas { get; set; }

    [Key(3)] public int? ReadyReplicas { get; set; }

    [Key(4)] public int? AvailableReplicas { get; set; }

    [Key(5)] public int? UnavailableReplicas { get; set; }

    [Key(6)] public int? TerminatingReplicas { get; set; }

    [Key(7)]
    [PatchMergeKey("type")]
    public List<DeploymentCondition>? Conditions { get; set; }

    [Key(8)] public int? CollisionCount { get; set; }
}

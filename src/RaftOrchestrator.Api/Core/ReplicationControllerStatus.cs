using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ReplicationControllerStatus
{
    [Key(0)] public int Replicas { get; set; }

    [Key(1)] public int? FullyLabeledReplicas { get; set; }

    [Key(2)] public int? ReadyReplicas { get; set; }

    [Key(3)] public int? AvailableReplicas { get; set; }

    [Key(4)] public long? ObservedGeneration { get; set; }

    [Key(5)]
    [PatchMergeKey("type")]
    public List<ReplicationControllerCondition>? Conditions { get; set; }
}

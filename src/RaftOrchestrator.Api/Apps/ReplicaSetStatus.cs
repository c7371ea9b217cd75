using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class ReplicaSetStatus
{
    [Key(0)] public int Replicas { get; set; }

    [Key(1)] public int? FullyLabeledReplicas { get; set; }

    [Key(2)] public int? ReadyReplicas { get; set; }

    [Key(3)] public int? AvailableReplicas { get; set; }

    [Key(4)] public int? TerminatingReplicas { get; set; }

    [Key(5)] public long? ObservedGeneration { get; set; }

    [Key(6)]
    [PatchMergeKey("type")]
    public List<ReplicaSetCondition>? Conditions { get; set; }
}

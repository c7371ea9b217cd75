using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class ReplicaSetSpec
{
    /// <summary>Defaulted to 1.</summary>
    [Key(0)] public int? Replicas { get; set; }

    [Key(1)] public int? MinReadySeconds { get; set; }

    /// <summary>Required, and immutable in apps/v1.</summary>
    [Key(2)] public LabelSelector? Selector { get; set; }

    [Key(3)] public PodTemplateSpec Template { get; set; } = new();
}

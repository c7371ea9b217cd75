using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Apps;

/// <summary>apps/v1 ReplicaSet: keeps a number of pods matching a selector running.</summary>
[MessagePackObject]
public sealed class ReplicaSet : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ReplicaSetSpec Spec { get; set; } = new();

    [Key(4)] public ReplicaSetStatus Status { get; set; } = new();
}

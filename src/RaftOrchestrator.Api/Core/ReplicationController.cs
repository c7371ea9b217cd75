using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 ReplicationController: the equality-selector predecessor of ReplicaSet.</summary>
[MessagePackObject]
public sealed class ReplicationController : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ReplicationControllerSpec Spec { get; set; } = new();

    [Key(4)] public ReplicationControllerStatus Status { get; set; } = new();
}

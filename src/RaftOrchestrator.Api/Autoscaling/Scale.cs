using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Autoscaling;

/// <summary>
/// autoscaling/v1 Scale: the scale subresource's view of a Deployment, ReplicaSet or ReplicationController. Not
/// stored.
/// </summary>
[MessagePackObject]
public sealed class Scale : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ScaleSpec? Spec { get; set; }

    [Key(4)] public ScaleStatus? Status { get; set; }
}

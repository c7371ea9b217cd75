using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Pod. Status is written by the kubelet through the status subresource; clients' status on create is
/// replaced by Pending.
/// </summary>
[MessagePackObject]
public sealed class Pod : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public PodSpec Spec { get; set; } = new();

    [Key(4)] public PodStatus Status { get; set; } = new();
}

using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Node (cluster-scoped). The kubelet registers it with its status; the status subresource updates it after
/// that.
/// </summary>
[MessagePackObject]
public sealed class Node : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public NodeSpec? Spec { get; set; }

    [Key(4)] public NodeStatus? Status { get; set; }
}

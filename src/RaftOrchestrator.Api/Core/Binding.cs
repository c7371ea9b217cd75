using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Binding: the body of a pod's binding subresource (what a scheduler POSTs); the metadata names the pod,
/// the target the node. Not stored.
/// </summary>
[MessagePackObject]
public sealed class Binding : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; } = "v1";

    [Key(1)] public string? Kind { get; set; } = "Binding";

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ObjectReference Target { get; set; } = new();
}

using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Policy;

/// <summary>
/// policy/v1 Eviction: the body of a pod's eviction subresource; the metadata names the pod. Not stored.
/// </summary>
[MessagePackObject]
public sealed class Eviction : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public DeleteOptions? DeleteOptions { get; set; }
}

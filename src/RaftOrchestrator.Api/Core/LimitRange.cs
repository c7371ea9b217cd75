using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 LimitRange: per-namespace bounds and defaults for pods, containers and claims.</summary>
[MessagePackObject]
public sealed class LimitRange : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public LimitRangeSpec? Spec { get; set; }
}

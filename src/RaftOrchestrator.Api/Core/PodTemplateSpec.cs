using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>The pod a controller creates: metadata (labels the selector matches) and spec.</summary>
[MessagePackObject]
public sealed class PodTemplateSpec
{
    [Key(0)] public ObjectMeta Metadata { get; set; } = new();

    [Key(1)] public PodSpec Spec { get; set; } = new();
}

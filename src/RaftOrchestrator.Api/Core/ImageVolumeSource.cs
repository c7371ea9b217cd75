using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ImageVolumeSource
{
    [Key(0)] public string? Reference { get; set; }

    [Key(1)] public string? PullPolicy { get; set; }
}

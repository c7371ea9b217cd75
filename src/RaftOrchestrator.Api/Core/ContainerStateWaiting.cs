using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerStateWaiting
{
    /// <summary>ContainerCreating, CrashLoopBackOff, ErrImagePull, ImagePullBackOff, ...</summary>
    [Key(0)] public string? Reason { get; set; }

    [Key(1)] public string? Message { get; set; }
}

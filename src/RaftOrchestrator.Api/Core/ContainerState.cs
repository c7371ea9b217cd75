using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>At most one of the three is set; none means waiting.</summary>
[MessagePackObject]
public sealed class ContainerState
{
    [Key(0)] public ContainerStateWaiting? Waiting { get; set; }

    [Key(1)] public ContainerStateRunning? Running { get; set; }

    [Key(2)] public ContainerStateTerminated? Terminated { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class Lifecycle
{
    [Key(0)] public LifecycleHandler? PostStart { get; set; }

    [Key(1)] public LifecycleHandler? PreStop { get; set; }

    [Key(2)] public string? StopSignal { get; set; }
}

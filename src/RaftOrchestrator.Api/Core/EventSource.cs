using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EventSource
{
    [Key(0)] public string? Component { get; set; }

    [Key(1)] public string? Host { get; set; }
}

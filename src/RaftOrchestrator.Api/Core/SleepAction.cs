using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SleepAction
{
    [Key(0)] public long Seconds { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeSwapStatus
{
    [Key(0)] public long? Capacity { get; set; }
}

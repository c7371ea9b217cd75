using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class LimitRangeSpec
{
    [Key(0)] public List<LimitRangeItem> Limits { get; set; } = [];
}

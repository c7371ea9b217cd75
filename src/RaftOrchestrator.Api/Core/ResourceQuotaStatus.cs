using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ResourceQuotaStatus
{
    [Key(0)] public Dictionary<string, Quantity>? Hard { get; set; }

    [Key(1)] public Dictionary<string, Quantity>? Used { get; set; }
}

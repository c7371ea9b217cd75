using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ResourceQuotaSpec
{
    [Key(0)] public Dictionary<string, Quantity>? Hard { get; set; }

    [Key(1)] public List<string>? Scopes { get; set; }

    [Key(2)] public ScopeSelector? ScopeSelector { get; set; }
}

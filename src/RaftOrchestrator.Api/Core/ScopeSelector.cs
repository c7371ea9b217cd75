using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ScopeSelector
{
    [Key(0)] public List<ScopedResourceSelectorRequirement>? MatchExpressions { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>The requirements are ANDed.</summary>
[MessagePackObject]
public sealed class NodeSelectorTerm
{
    [Key(0)] public List<NodeSelectorRequirement>? MatchExpressions { get; set; }

    [Key(1)] public List<NodeSelectorRequirement>? MatchFields { get; set; }
}

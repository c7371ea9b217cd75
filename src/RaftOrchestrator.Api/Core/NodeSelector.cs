using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>The terms are ORed.</summary>
[MessagePackObject]
public sealed class NodeSelector
{
    [Key(0)] public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}

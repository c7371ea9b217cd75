using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>meta/v1 LabelSelector: the requirements are ANDed; an empty selector matches everything.</summary>
[MessagePackObject]
public sealed class LabelSelector
{
    [Key(0)] public Dictionary<string, string>? MatchLabels { get; set; }

    [Key(1)] public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

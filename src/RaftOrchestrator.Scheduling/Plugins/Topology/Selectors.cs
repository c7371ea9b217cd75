using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Scheduling.Plugins.Topology;

/// <summary>Label selectors as the affinity and spreading plugins compile them.</summary>
internal static class Selectors
{
    /// <summary>
    /// The selector with matchLabelKeys (key In [owner's value]) and mismatchLabelKeys (key NotIn [owner's value])
    /// merged in, for the keys the owning pod carries, as Kubernetes merges them. A selector that does not compile
    /// selects nothing (validation keeps such pods out of the store).
    /// </summary>
    public static LabelSelectorMatcher Compile(LabelSelector? selector, IReadOnlyList<string>? matchLabelKeys,
        IReadOnlyList<string>? mismatchLabelKeys, IReadOnlyDictionary<string, string>? ownerLabels)
    {
        if (selector is not null && ownerLabels is not null && (matchLabelKeys is { Count: > 0 } || mismatchLabelKeys is { Count: > 0 }))
        {
            var expressions = new List<LabelSelectorRequirement>(selector.MatchExpressions ?? []);
            Merge(expressions, matchLabelKeys, "In", ownerLabels);
            Merge(expressions, mismatchLabelKeys, "NotIn", ownerLabels);
            selector = new LabelSelector { MatchLabels = selector.MatchLabels, MatchExpressions = expressions };
        }
        return LabelSelectorMatcher.TryCreate(selector, out LabelSelectorMatcher? matcher, out _) ? matcher : LabelSelectorMatcher.Nothing;
    }

    private static void Merge(List<LabelSelectorRequirement> into, IReadOnlyList<string>? keys, string op, IReadOnlyDictionary<string, string> labels)
    {
        foreach (string key in keys ?? [])
        {
            if (labels.TryGetValue(key, out string? value))
            {
                into.Add(new LabelSelectorRequirement { Key = key, Operator = op, Values = [value] });
            }
        }
    }
}

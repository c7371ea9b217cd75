using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>The PreFilter counts: which terms match, and the per-domain tallies they add to (per pod or per pod group).</summary>
public sealed partial class InterPodAffinity
{
    /// <summary>The placed pod's required anti-affinity terms that select the incoming pod block their domains.</summary>
    private void AddExistingAntiAffinity(PreFilterState s, PodInfo existing, NodeInfo node, int delta)
    {
        if (existing.HasRequiredAntiAffinity)
        {
            ApplyExisting(s, ExistingMatches(s, existing), node, delta);
        }
    }

    /// <summary>The incoming pod's terms against one placed pod: affinity counts only pods matching every term.</summary>
    private void AddIncomingTerms(PreFilterState s, PodInfo existing, NodeInfo node, int delta) =>
        ApplyIncoming(s, IncomingMatches(s, existing), node, delta);

    /// <summary>Which of the placed pod's required anti-affinity terms select the incoming pod.</summary>
    private TermMatches ExistingMatches(PreFilterState s, PodInfo existing)
    {
        AffinityTerm[] terms = _terms.Of(existing).RequiredAntiAffinity;
        var matches = new bool[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            matches[i] = terms[i].Matches(s.Pod, _args.Namespaces);
        }
        return new TermMatches(terms, matches, AllAffinity: false);
    }

    /// <summary>Which of the incoming pod's anti-affinity terms select the placed pod, and whether all its affinity terms do.</summary>
    private TermMatches IncomingMatches(PreFilterState s, PodInfo existing)
    {
        AffinityTerm[] anti = s.Terms.RequiredAntiAffinity;
        var matches = new bool[anti.Length];
        for (int i = 0; i < anti.Length; i++)
        {
            matches[i] = anti[i].Matches(existing, _args.Namespaces);
        }
        AffinityTerm[] affinity = s.Terms.RequiredAffinity;
        return new TermMatches(anti, matches, affinity.Length > 0 && MatchesAll(affinity, existing));
    }

    private static void ApplyExisting(PreFilterState s, TermMatches m, NodeInfo node, int delta)
    {
        for (int i = 0; i < m.Terms.Length; i++)
        {
            if (m.Matches[i] && node.Labels.TryGetValue(m.Terms[i].TopologyKey, out string? value))
            {
                Add(s.ExistingAntiAffinityCounts, new TopologyPair(m.Terms[i].TopologyKey, value), delta);
            }
        }
    }

    private static void ApplyIncoming(PreFilterState s, TermMatches m, NodeInfo node, int delta)
    {
        if (m.AllAffinity)
        {
            foreach (AffinityTerm term in s.Terms.RequiredAffinity)
            {
                if (node.Labels.TryGetValue(term.TopologyKey, out string? value))
                {
                    Add(s.AffinityCounts, new TopologyPair(term.TopologyKey, value), delta);
                }
            }
        }
        for (int i = 0; i < m.Terms.Length; i++)
        {
            if (m.Matches[i] && node.Labels.TryGetValue(m.Terms[i].TopologyKey, out string? value))
            {
                Add(s.AntiAffinityCounts, new TopologyPair(m.Terms[i].TopologyKey, value), delta);
            }
        }
    }

    /// <summary>Terms with, per term, whether it matched; for the incoming side also whether every affinity term matched.</summary>
    private sealed record TermMatches(AffinityTerm[] Terms, bool[] Matches, bool AllAffinity);

    /// <summary>Counts that reach zero are removed: "no matching pod anywhere" is an empty dictionary.</summary>
    private static void Add(Dictionary<TopologyPair, int> counts, TopologyPair pair, int delta)
    {
        int next = counts.GetValueOrDefault(pair) + delta;
        if (next == 0)
        {
            counts.Remove(pair);
        }
        else
        {
            counts[pair] = next;
        }
    }
}

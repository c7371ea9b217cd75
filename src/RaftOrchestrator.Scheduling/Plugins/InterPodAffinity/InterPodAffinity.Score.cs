using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>
/// Scoring: per topology domain, + weight for each placed pod the incoming pod's preferred affinity selects and -
/// weight for its preferred anti-affinity; and from the placed pods' side, + hardPodAffinityWeight for each required
/// affinity term and ± weight for each preferred (anti-)affinity term that selects the incoming pod. A node scores
/// the sum over its labels' domains; NormalizeScore maps min..max onto 0..100 (all 0 when they are equal).
/// </summary>
public sealed partial class InterPodAffinity : IPreScorePlugin, INormalizeScorePlugin
{
    private static readonly StateKey<PreScoreState> s_preScoreKey = new("PreScore" + PluginNames.InterPodAffinity);

    public Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        CompiledTerms own = _terms.Of(pod);
        bool hasConstraints = own.PreferredAffinity.Length > 0 || own.PreferredAntiAffinity.Length > 0;
        if (!hasConstraints && (_args.IgnorePreferredTermsOfExistingPods || snapshot.HavePodsWithAffinity.Count == 0))
        {
            return Status.SkipStatus;
        }
        var scores = new Dictionary<TopologyPair, long>();
        if (hasConstraints)
        {
            // The incoming pod's preferred terms, matched once per group of equal placed pods per cycle.
            var memo = new Dictionary<string, bool[]>(StringComparer.Ordinal);
            foreach (NodeInfo node in snapshot.Nodes)
            {
                if (node.Node is null)
                {
                    continue;
                }
                foreach (PodGroup group in node.PodGroups)
                {
                    if (!memo.TryGetValue(group.Key, out bool[]? matches))
                    {
                        matches = OwnMatches(own, group.Representative);
                        memo[group.Key] = matches;
                    }
                    AddOwnWeights(scores, own, matches, node, group.Count);
                }
            }
        }
        if (!_args.IgnorePreferredTermsOfExistingPods || _args.HardPodAffinityWeight > 0)
        {
            foreach (NodeInfo node in snapshot.HavePodsWithAffinity)
            {
                if (node.Node is null)
                {
                    continue;
                }
                foreach (PodInfo existing in node.PodsWithAffinity)
                {
                    if (ScoresIncoming(existing))
                    {
                        ScoreExisting(scores, pod, existing, node);
                    }
                }
            }
        }
        if (scores.Count == 0)
        {
            return Status.SkipStatus;
        }
        state.Write(s_preScoreKey, new PreScoreState(scores, [.. scores.Keys.Select(p => p.Key).Distinct(StringComparer.Ordinal)]));
        return Status.Success;
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(node);
        score = 0;
        if (!state.TryRead(s_preScoreKey, out PreScoreState? s))
        {
            return Status.Error(Name, "reading PreScore state: not found");
        }
        foreach (string key in s.Keys)
        {
            if (node.Labels.TryGetValue(key, out string? value))
            {
                score += s.Scores.GetValueOrDefault(new TopologyPair(key, value));
            }
        }
        return Status.Success;
    }

    public Status NormalizeScore(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> scores)
    {
        if (scores.IsEmpty)
        {
            return Status.Success;
        }
        long min = long.MaxValue, max = long.MinValue;
        foreach (long s in scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }
        long range = max - min;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = range > 0 ? (long)(Scores.MaxNodeScore * ((double)(scores[i] - min) / range)) : 0;
        }
        return Status.Success;
    }

    /// <summary>Whether the placed pod has a term that can score the incoming pod (checked before compiling its terms).</summary>
    private bool ScoresIncoming(PodInfo existing) =>
        (_args.HardPodAffinityWeight > 0 && existing.RequiredAffinityTerms.Count > 0)
        || (!_args.IgnorePreferredTermsOfExistingPods && (existing.PreferredAffinityTerms.Count > 0 || existing.PreferredAntiAffinityTerms.Count > 0));

    /// <summary>Which of the incoming pod's preferred affinity, then anti-affinity, terms select <paramref name="existing"/>.</summary>
    private bool[] OwnMatches(CompiledTerms own, PodInfo existing)
    {
        var matches = new bool[own.PreferredAffinity.Length + own.PreferredAntiAffinity.Length];
        for (int i = 0; i < own.PreferredAffinity.Length; i++)
        {
            matches[i] = own.PreferredAffinity[i].Matches(existing, _args.Namespaces);
        }
        for (int i = 0; i < own.PreferredAntiAffinity.Length; i++)
        {
            matches[own.PreferredAffinity.Length + i] = own.PreferredAntiAffinity[i].Matches(existing, _args.Namespaces);
        }
        return matches;
    }

    private static void AddOwnWeights(Dictionary<TopologyPair, long> scores, CompiledTerms own, bool[] matches, NodeInfo node, int count)
    {
        int n = own.PreferredAffinity.Length;
        for (int i = 0; i < matches.Length; i++)
        {
            AffinityTerm term = i < n ? own.PreferredAffinity[i] : own.PreferredAntiAffinity[i - n];
            if (matches[i] && node.Labels.TryGetValue(term.TopologyKey, out string? value))
            {
                Add(scores, new TopologyPair(term.TopologyKey, value), (i < n ? 1 : -1) * term.Weight * count);
            }
        }
    }

    /// <summary>The placed pod's side: + hardPodAffinityWeight per required affinity term and ± weight per preferred term selecting the incoming pod.</summary>
    private void ScoreExisting(Dictionary<TopologyPair, long> scores, PodInfo incoming, PodInfo existing, NodeInfo node)
    {
        CompiledTerms theirs = _terms.Of(existing);
        if (_args.HardPodAffinityWeight > 0)
        {
            foreach (AffinityTerm term in theirs.RequiredAffinity)
            {
                if (node.Labels.TryGetValue(term.TopologyKey, out string? value) && term.Matches(incoming, _args.Namespaces))
                {
                    Add(scores, new TopologyPair(term.TopologyKey, value), _args.HardPodAffinityWeight);
                }
            }
        }
        if (!_args.IgnorePreferredTermsOfExistingPods)
        {
            AddWeights(scores, theirs.PreferredAffinity, incoming, node, 1);
            AddWeights(scores, theirs.PreferredAntiAffinity, incoming, node, -1);
        }
    }

    /// <summary>For each term selecting <paramref name="target"/>, sign × weight on the term's domain of <paramref name="node"/>.</summary>
    private void AddWeights(Dictionary<TopologyPair, long> scores, AffinityTerm[] terms, PodInfo target, NodeInfo node, int sign)
    {
        foreach (AffinityTerm term in terms)
        {
            if (node.Labels.TryGetValue(term.TopologyKey, out string? value) && term.Matches(target, _args.Namespaces))
            {
                Add(scores, new TopologyPair(term.TopologyKey, value), sign * term.Weight);
            }
        }
    }

    private static void Add(Dictionary<TopologyPair, long> scores, TopologyPair pair, long delta) =>
        scores[pair] = scores.GetValueOrDefault(pair) + delta;

    private sealed class PreScoreState(Dictionary<TopologyPair, long> scores, string[] keys) : IStateData
    {
        public Dictionary<TopologyPair, long> Scores { get; } = scores;

        /// <summary>The distinct topology keys with a score: a node looks up one domain per key it carries.</summary>
        public string[] Keys { get; } = keys;

        public IStateData Clone() => this;
    }
}

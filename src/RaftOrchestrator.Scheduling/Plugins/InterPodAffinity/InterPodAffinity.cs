using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>
/// kube-scheduler's InterPodAffinity. PreFilter counts, once per pod over the snapshot, the topology domains that
/// (a) hold a placed pod whose required anti-affinity selects the incoming pod, (b) hold pods matching all the
/// incoming pod's required affinity terms, (c) hold pods its required anti-affinity selects; Filter then answers
/// from three dictionary lookups per term. AddPod/RemovePod adjust the counts for preemption's what-ifs. A pod
/// with affinity to itself that finds no matching pod anywhere may go first onto any node carrying the keys.
/// Score (partial file) sums the preferred terms of both sides per domain and normalises to 0..100.
/// </summary>
public sealed partial class InterPodAffinity : IPreFilterExtensions, IFilterPlugin
{
    public const string ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
    public const string ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
    public const string ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";

    private static readonly StateKey<PreFilterState> s_preFilterKey = new("PreFilter" + PluginNames.InterPodAffinity);
    private static readonly Status s_affinityMismatch = Status.Unresolvable(PluginNames.InterPodAffinity, ErrReasonAffinityRulesNotMatch);
    private static readonly Status s_antiAffinityMismatch = Status.Unschedulable(PluginNames.InterPodAffinity, ErrReasonAntiAffinityRulesNotMatch);
    private static readonly Status s_existingAntiAffinityMismatch = Status.Unschedulable(PluginNames.InterPodAffinity, ErrReasonExistingAntiAffinityRulesNotMatch);

    private readonly InterPodAffinityArgs _args;
    private readonly CompiledTerms.Table _terms = new();

    public InterPodAffinity(InterPodAffinityArgs? args = null)
    {
        _args = args ?? new InterPodAffinityArgs();
        if (_args.HardPodAffinityWeight is < 0 or > 100)
        {
            throw new ArgumentException("hardPodAffinityWeight must be in the range 0-100", nameof(args));
        }
    }

    public string Name => PluginNames.InterPodAffinity;

    public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        result = null;
        CompiledTerms own = _terms.Of(pod);
        if (own.RequiredAffinity.Length == 0 && own.RequiredAntiAffinity.Length == 0 && snapshot.HavePodsWithRequiredAntiAffinity.Count == 0
            && !NominatedWithRequiredAntiAffinity(state, pod))
        {
            return Status.SkipStatus;
        }
        var s = new PreFilterState(pod, own);
        // Per group of equal pods (same namespace and labels; for existing anti-affinity also the same terms) a term is
        // matched once per cycle, not once per pod: 10,000 placed pods of four templates cost four matches.
        var existingMemo = new Dictionary<string, TermMatches>(StringComparer.Ordinal);
        foreach (NodeInfo node in snapshot.HavePodsWithRequiredAntiAffinity)
        {
            if (node.Node is null)
            {
                continue;
            }
            foreach (PodGroup group in node.AntiAffinityGroups)
            {
                if (!existingMemo.TryGetValue(group.Key, out TermMatches? matches))
                {
                    matches = ExistingMatches(s, group.Representative);
                    existingMemo[group.Key] = matches;
                }
                ApplyExisting(s, matches, node, group.Count);
            }
        }
        if (own.RequiredAffinity.Length > 0 || own.RequiredAntiAffinity.Length > 0)
        {
            var incomingMemo = new Dictionary<string, TermMatches>(StringComparer.Ordinal);
            foreach (NodeInfo node in snapshot.Nodes)
            {
                if (node.Node is null)
                {
                    continue;
                }
                foreach (PodGroup group in node.PodGroups)
                {
                    if (!incomingMemo.TryGetValue(group.Key, out TermMatches? matches))
                    {
                        matches = IncomingMatches(s, group.Representative);
                        incomingMemo[group.Key] = matches;
                    }
                    ApplyIncoming(s, matches, node, group.Count);
                }
            }
        }
        state.Write(s_preFilterKey, s);
        return Status.Success;
    }

    public Status AddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) => Update(state, podToAdd, node, 1);

    public Status RemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) => Update(state, podToRemove, node, -1);

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(node);
        if (!state.TryRead(s_preFilterKey, out PreFilterState? s))
        {
            return Status.Error(Name, "reading PreFilter state: not found");
        }
        IReadOnlyDictionary<string, string> labels = node.Labels;
        if (!SatisfiesAffinity(s, labels))
        {
            return s_affinityMismatch;
        }
        foreach (AffinityTerm term in s.Terms.RequiredAntiAffinity)
        {
            if (labels.TryGetValue(term.TopologyKey, out string? value) && s.AntiAffinityCounts.GetValueOrDefault(new TopologyPair(term.TopologyKey, value)) > 0)
            {
                return s_antiAffinityMismatch;
            }
        }
        if (s.ExistingAntiAffinityCounts.Count > 0)
        {
            foreach ((string key, string value) in labels)
            {
                if (s.ExistingAntiAffinityCounts.GetValueOrDefault(new TopologyPair(key, value)) > 0)
                {
                    return s_existingAntiAffinityMismatch;
                }
            }
        }
        return Status.Success;
    }

    /// <summary>Every affinity term's key is on the node with matching pods in its domain, or the pod is the first of its group.</summary>
    private bool SatisfiesAffinity(PreFilterState s, IReadOnlyDictionary<string, string> labels)
    {
        bool podsExist = true;
        foreach (AffinityTerm term in s.Terms.RequiredAffinity)
        {
            if (!labels.TryGetValue(term.TopologyKey, out string? value))
            {
                return false;
            }
            if (s.AffinityCounts.GetValueOrDefault(new TopologyPair(term.TopologyKey, value)) <= 0)
            {
                podsExist = false;
            }
        }
        return podsExist || (s.AffinityCounts.Count == 0 && MatchesAll(s.Terms.RequiredAffinity, s.Pod));
    }

    private bool MatchesAll(AffinityTerm[] terms, PodInfo pod)
    {
        foreach (AffinityTerm term in terms)
        {
            if (!term.Matches(pod, _args.Namespaces))
            {
                return false;
            }
        }
        return terms.Length > 0;
    }

    private Status Update(CycleState state, PodInfo other, NodeInfo node, int delta)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(node);
        if (!state.TryRead(s_preFilterKey, out PreFilterState? s))
        {
            return Status.Error(Name, "reading PreFilter state: not found");
        }
        if (node.Node is not null)
        {
            AddExistingAntiAffinity(s, other, node, delta);
            AddIncomingTerms(s, other, node, delta);
        }
        return Status.Success;
    }

    private sealed class PreFilterState : IStateData
    {
        public PreFilterState(PodInfo pod, CompiledTerms terms)
        {
            Pod = pod;
            Terms = terms;
        }

        public PodInfo Pod { get; }

        public CompiledTerms Terms { get; }

        public Dictionary<TopologyPair, int> ExistingAntiAffinityCounts { get; private init; } = [];

        public Dictionary<TopologyPair, int> AffinityCounts { get; private init; } = [];

        public Dictionary<TopologyPair, int> AntiAffinityCounts { get; private init; } = [];

        public IStateData Clone() => new PreFilterState(Pod, Terms)
        {
            ExistingAntiAffinityCounts = new(ExistingAntiAffinityCounts),
            AffinityCounts = new(AffinityCounts),
            AntiAffinityCounts = new(AntiAffinityCounts),
        };
    }
}

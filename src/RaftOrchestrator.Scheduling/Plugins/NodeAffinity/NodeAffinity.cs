using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.NodeAffinity;

/// <summary>
/// Filter: spec.nodeSelector (every pair) and the required node affinity terms (any term). PreFilter compiles them
/// once per pod (Skip when the pod has neither) and narrows the search when every term pins metadata.name.
/// Score: the sum of the weights of the preferred terms the node matches, normalised so the best node gets 100.
/// The verdict is a node-class property unless the pod's selector reads the node's name or hostname label.
/// </summary>
public sealed class NodeAffinity : IPreFilterPlugin, INodeClassFilter, IPreScorePlugin, INormalizeScorePlugin
{
    public const string ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

    private static readonly StateKey<PreFilterState> s_preFilterKey = new("PreFilter" + PluginNames.NodeAffinity);
    private static readonly StateKey<PreScoreState> s_preScoreKey = new("PreScore" + PluginNames.NodeAffinity);
    private static readonly Status s_mismatch = Status.Unresolvable(PluginNames.NodeAffinity, ErrReasonPod);

    public string Name => PluginNames.NodeAffinity;

    public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        result = null;
        Dictionary<string, string>? selector = pod.Pod.Spec.NodeSelector;
        NodeSelector? required = pod.Pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        if ((selector is null || selector.Count == 0) && required is null)
        {
            return Status.SkipStatus;
        }
        NodeSelectorMatcher? matcher = required is null ? null : new NodeSelectorMatcher(required.NodeSelectorTerms);
        KeyValuePair<string, string>[] pairs = selector?.ToArray() ?? [];
        bool readsName = matcher?.ReadsNodeName == true || pairs.Any(p => p.Key == NodeClassTable.HostnameLabel);
        state.Write(s_preFilterKey, new PreFilterState(pairs, matcher, readsName));
        if (matcher?.NodeNames() is { } names)
        {
            if (names.Count == 0)
            {
                return Status.Unresolvable(Name, ErrReasonPod);
            }
            result = new PreFilterResult(names);
        }
        return Status.Success;
    }

    public bool IsClassInvariant(CycleState state, PodInfo pod)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryRead(s_preFilterKey, out PreFilterState? s) && !s.ReadsNodeName;
    }

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(node);
        if (!state.TryRead(s_preFilterKey, out PreFilterState? s))
        {
            return Status.Error(Name, "reading PreFilter state: not found");
        }
        IReadOnlyDictionary<string, string> labels = node.Labels;
        foreach ((string key, string value) in s.Selector)
        {
            if (!labels.TryGetValue(key, out string? actual) || actual != value)
            {
                return s_mismatch;
            }
        }
        return s.Required is null || s.Required.Matches(node) ? Status.Success : s_mismatch;
    }

    public Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        List<PreferredSchedulingTerm>? preferred = pod.Pod.Spec.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution;
        if (preferred is null || preferred.Count == 0)
        {
            return Status.SkipStatus;
        }
        var terms = preferred.Where(t => t.Weight != 0)
            .Select(t => (t.Weight, new NodeSelectorMatcher([t.Preference])))
            .ToArray();
        bool perClass = !terms.Any(t => t.Item2.ReadsNodeName);
        state.Write(s_preScoreKey, new PreScoreState(terms, perClass ? snapshot.ClassCount : 0));
        return Status.Success;
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(state);
        score = 0;
        if (!state.TryRead(s_preScoreKey, out PreScoreState? s))
        {
            return Status.Error(Name, "reading PreScore state: not found");
        }
        long[] byClass = s.ScoreByClass;
        int classId = node.ClassId;
        if (classId < byClass.Length && byClass[classId] >= 0)
        {
            score = byClass[classId];
            return Status.Success;
        }
        foreach ((int weight, NodeSelectorMatcher term) in s.Terms)
        {
            if (term.Matches(node))
            {
                score += weight;
            }
        }
        if (classId < byClass.Length)
        {
            byClass[classId] = score;
        }
        return Status.Success;
    }

    public Status NormalizeScore(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> scores)
    {
        Scores.DefaultNormalize(Scores.MaxNodeScore, reverse: false, scores);
        return Status.Success;
    }

    private sealed class PreFilterState(KeyValuePair<string, string>[] selector, NodeSelectorMatcher? required, bool readsNodeName) : IStateData
    {
        public KeyValuePair<string, string>[] Selector { get; } = selector;

        public NodeSelectorMatcher? Required { get; } = required;

        public bool ReadsNodeName { get; } = readsNodeName;

        public IStateData Clone() => this;
    }

    /// <summary>
    /// The compiled preferred terms and, when none reads the node's name, the score per node class (−1 until
    /// computed): labels decide the score, so one evaluation per class serves every node of it.
    /// </summary>
    private sealed class PreScoreState((int Weight, NodeSelectorMatcher Term)[] terms, int classCount) : IStateData
    {
        public (int Weight, NodeSelectorMatcher Term)[] Terms { get; } = terms;

        public long[] ScoreByClass { get; } = NewClassTable(classCount);

        public IStateData Clone() => this;

        private static long[] NewClassTable(int count)
        {
            var table = new long[count];
            Array.Fill(table, -1);
            return table;
        }
    }
}

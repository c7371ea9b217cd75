using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;

/// <summary>
/// kube-scheduler's PodTopologySpread. Filter (whenUnsatisfiable DoNotSchedule): PreFilter counts, per constraint
/// and domain, the matching pods on the nodes that carry every constraint's key and pass the inclusion policies;
/// a node fails when (its domain's count + 1 if the pod matches its own selector - the smallest domain count) is
/// above maxSkew, the smallest count being 0 while fewer than minDomains domains exist. AddPod/RemovePod keep the
/// counts for preemption. Score (ScheduleAnyway, and the system defaults): partial file.
/// </summary>
public sealed partial class PodTopologySpread : IPreFilterExtensions, IFilterPlugin
{
    public const string DoNotSchedule = "DoNotSchedule";
    public const string ScheduleAnyway = "ScheduleAnyway";
    public const string ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
    public const string ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

    private static readonly StateKey<PreFilterState> s_preFilterKey = new("PreFilter" + PluginNames.PodTopologySpread);
    private static readonly Status s_skewTooBig = Status.Unschedulable(PluginNames.PodTopologySpread, ErrReasonConstraintsNotMatch);
    private static readonly Status s_missingLabel = Status.Unresolvable(PluginNames.PodTopologySpread, ErrReasonNodeLabelNotMatch);

    private readonly PodTopologySpreadArgs _args;

    public PodTopologySpread(PodTopologySpreadArgs? args = null)
    {
        _args = args ?? new PodTopologySpreadArgs();
    }

    public string Name => PluginNames.PodTopologySpread;

    public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        result = null;
        SpreadConstraint[] constraints = Constraints(pod, DoNotSchedule, out _);
        if (constraints.Length == 0)
        {
            return Status.SkipStatus;
        }
        var s = new PreFilterState(pod, constraints, new SpreadConstraint.NodeFilter(pod));
        Dictionary<string, bool>[] memos = [.. constraints.Select(_ => new Dictionary<string, bool>(StringComparer.Ordinal))];
        foreach (NodeInfo node in snapshot.Nodes)
        {
            if (node.Node is null || !HasAllKeys(node, constraints))
            {
                continue;
            }
            for (int i = 0; i < constraints.Length; i++)
            {
                SpreadConstraint c = constraints[i];
                if (c.Includes(node, pod, s.NodeFilter))
                {
                    string value = node.Labels[c.TopologyKey];
                    s.Counts[i][value] = s.Counts[i].GetValueOrDefault(value) + c.CountMatching(node, pod.Namespace, memos[i]);
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
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (!state.TryRead(s_preFilterKey, out PreFilterState? s))
        {
            return Status.Error(Name, "reading PreFilter state: not found");
        }
        for (int i = 0; i < s.Constraints.Length; i++)
        {
            SpreadConstraint c = s.Constraints[i];
            if (!node.Labels.TryGetValue(c.TopologyKey, out string? value))
            {
                return s_missingLabel;
            }
            int self = c.Selector.Matches(pod.Pod.Metadata.Labels) ? 1 : 0;
            long skew = (long)s.Counts[i].GetValueOrDefault(value) + self - s.MinMatch(i);
            if (skew > c.MaxSkew)
            {
                return s_skewTooBig;
            }
        }
        return Status.Success;
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
        if (node.Node is null || other.Namespace != s.Pod.Namespace || !HasAllKeys(node, s.Constraints))
        {
            return Status.Success;
        }
        for (int i = 0; i < s.Constraints.Length; i++)
        {
            SpreadConstraint c = s.Constraints[i];
            if (c.Includes(node, s.Pod, s.NodeFilter) && c.Matches(other, s.Pod.Namespace))
            {
                string value = node.Labels[c.TopologyKey];
                s.Counts[i][value] = s.Counts[i].GetValueOrDefault(value) + delta;
                s.Invalidate(i);
            }
        }
        return Status.Success;
    }

    /// <summary>
    /// The pod's constraints with this whenUnsatisfiable; when it declares none, the system defaults (all
    /// ScheduleAnyway) over its owners' selector. <paramref name="defaulted"/> tells which applied.
    /// </summary>
    private SpreadConstraint[] Constraints(PodInfo pod, string whenUnsatisfiable, out bool defaulted)
    {
        defaulted = false;
        List<TopologySpreadConstraint>? declared = pod.Pod.Spec.TopologySpreadConstraints;
        if (declared is { Count: > 0 })
        {
            return [.. declared.Where(c => c.WhenUnsatisfiable == whenUnsatisfiable).Select(c => new SpreadConstraint(c, pod))];
        }
        if (!_args.SystemDefaulting || whenUnsatisfiable != ScheduleAnyway
            || _args.DefaultSelector?.Invoke(pod.Pod) is not { } selector || selector.IsEmpty || selector.IsNothing)
        {
            return [];
        }
        defaulted = true;
        return [.. PodTopologySpreadArgs.SystemDefaultConstraints.Select(d => new SpreadConstraint(d.TopologyKey, d.MaxSkew, selector))];
    }

    private static bool HasAllKeys(NodeInfo node, SpreadConstraint[] constraints)
    {
        foreach (SpreadConstraint c in constraints)
        {
            if (!node.Labels.ContainsKey(c.TopologyKey))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Counts per constraint and domain, and each constraint's smallest count, recomputed only after a change.</summary>
    private sealed class PreFilterState : IStateData
    {
        private readonly int[] _min;
        private readonly bool[] _stale;

        public PreFilterState(PodInfo pod, SpreadConstraint[] constraints, SpreadConstraint.NodeFilter nodeFilter)
        {
            Pod = pod;
            Constraints = constraints;
            NodeFilter = nodeFilter;
            Counts = [.. constraints.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
            _min = new int[constraints.Length];
            _stale = [.. constraints.Select(_ => true)];
        }

        public PodInfo Pod { get; }

        public SpreadConstraint[] Constraints { get; }

        public SpreadConstraint.NodeFilter NodeFilter { get; }

        public Dictionary<string, int>[] Counts { get; }

        /// <summary>The smallest domain count of constraint i; 0 while there are fewer domains than minDomains.</summary>
        public int MinMatch(int i)
        {
            if (Counts[i].Count < Constraints[i].MinDomains)
            {
                return 0;
            }
            if (_stale[i])
            {
                _min[i] = Counts[i].Values.Min();
                _stale[i] = false;
            }
            return _min[i];
        }

        public void Invalidate(int i) => _stale[i] = true;

        public IStateData Clone()
        {
            var copy = new PreFilterState(Pod, Constraints, NodeFilter);
            for (int i = 0; i < Counts.Length; i++)
            {
                foreach ((string value, int count) in Counts[i])
                {
                    copy.Counts[i][value] = count;
                }
            }
            return copy;
        }
    }
}

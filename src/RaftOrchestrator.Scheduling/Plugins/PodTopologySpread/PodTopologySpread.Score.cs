using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;

/// <summary>
/// Scoring of the ScheduleAnyway constraints (kube-scheduler's): each constraint's domains are those of the
/// feasible nodes; a node scores Σ (matching pods in its domain × log(domains + 2) + maxSkew - 1), the hostname key
/// counting the node's own pods, and NormalizeScore turns fewer matching pods into more points:
/// 100 × (max + min - score) / max. Feasible nodes missing a key of the pod's own constraints score 0.
/// </summary>
public sealed partial class PodTopologySpread : IPreScorePlugin, INormalizeScorePlugin
{
    private static readonly StateKey<PreScoreState> s_preScoreKey = new("PreScore" + PluginNames.PodTopologySpread);

    public Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        SpreadConstraint[] constraints = Constraints(pod, ScheduleAnyway, out bool defaulted);
        if (constraints.Length == 0)
        {
            return Status.SkipStatus;
        }
        bool requireAllKeys = !defaulted;
        var s = new PreScoreState(constraints, new SpreadConstraint.NodeFilter(pod));
        var domains = new int[constraints.Length];
        int counted = 0;
        foreach (NodeInfo node in feasibleNodes)
        {
            if (requireAllKeys && !HasAllKeys(node, constraints))
            {
                s.Ignored.Add(node.Name);
                continue;
            }
            counted++;
            for (int i = 0; i < constraints.Length; i++)
            {
                if (constraints[i].TopologyKey != PodTopologySpreadArgs.HostnameLabel
                    && node.Labels.TryGetValue(constraints[i].TopologyKey, out string? value) && s.Counts[i].TryAdd(value, 0))
                {
                    domains[i]++;
                }
            }
        }
        for (int i = 0; i < constraints.Length; i++)
        {
            int size = constraints[i].TopologyKey == PodTopologySpreadArgs.HostnameLabel ? counted : domains[i];
            s.Weights[i] = Math.Log(size + 2);
        }
        foreach (NodeInfo node in snapshot.Nodes)
        {
            if (node.Node is null || (requireAllKeys && !HasAllKeys(node, constraints)))
            {
                continue;
            }
            for (int i = 0; i < constraints.Length; i++)
            {
                SpreadConstraint c = constraints[i];
                if (c.TopologyKey != PodTopologySpreadArgs.HostnameLabel && node.Labels.TryGetValue(c.TopologyKey, out string? value)
                    && s.Counts[i].TryGetValue(value, out int count) && c.Includes(node, pod, s.NodeFilter))
                {
                    s.Counts[i][value] = count + c.CountMatching(node, pod.Namespace, s.Memos[i]);
                }
            }
        }
        state.Write(s_preScoreKey, s);
        return Status.Success;
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        score = 0;
        if (!state.TryRead(s_preScoreKey, out PreScoreState? s))
        {
            return Status.Error(Name, "reading PreScore state: not found");
        }
        if (s.Ignored.Contains(node.Name))
        {
            return Status.Success;
        }
        double total = 0;
        for (int i = 0; i < s.Constraints.Length; i++)
        {
            SpreadConstraint c = s.Constraints[i];
            if (!node.Labels.TryGetValue(c.TopologyKey, out string? value))
            {
                continue;
            }
            long count = c.TopologyKey == PodTopologySpreadArgs.HostnameLabel
                ? c.CountMatching(node, pod.Namespace, s.Memos[i])
                : s.Counts[i].GetValueOrDefault(value);
            total += (count * s.Weights[i]) + (c.MaxSkew - 1);
        }
        score = (long)Math.Round(total);
        return Status.Success;
    }

    public Status NormalizeScore(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> scores)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryRead(s_preScoreKey, out PreScoreState? s))
        {
            return Status.Error(Name, "reading PreScore state: not found");
        }
        long min = long.MaxValue, max = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!s.Ignored.Contains(nodes[i].Name))
            {
                min = Math.Min(min, scores[i]);
                max = Math.Max(max, scores[i]);
            }
        }
        for (int i = 0; i < scores.Length; i++)
        {
            if (s.Ignored.Contains(nodes[i].Name))
            {
                scores[i] = 0;
            }
            else
            {
                scores[i] = max == 0 ? Scores.MaxNodeScore : Scores.MaxNodeScore * (max + min - scores[i]) / max;
            }
        }
        return Status.Success;
    }

    private sealed class PreScoreState(SpreadConstraint[] constraints, SpreadConstraint.NodeFilter nodeFilter) : IStateData
    {
        public SpreadConstraint[] Constraints { get; } = constraints;

        public SpreadConstraint.NodeFilter NodeFilter { get; } = nodeFilter;

        /// <summary>Matching pods per domain of the feasible nodes, for every key but the hostname (counted per node in Score).</summary>
        public Dictionary<string, int>[] Counts { get; } = [.. constraints.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];

        /// <summary>log(domains + 2) per constraint: spreading over many domains weighs more per pod.</summary>
        public double[] Weights { get; } = new double[constraints.Length];

        public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

        /// <summary>Per constraint, whether a pod group matches (see SpreadConstraint.CountMatching); this cycle's only.</summary>
        public Dictionary<string, bool>[] Memos { get; } = [.. constraints.Select(_ => new Dictionary<string, bool>(StringComparer.Ordinal))];

        public IStateData Clone() => this;
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.TaintToleration;

/// <summary>
/// Filter: the pod must tolerate every NoSchedule and NoExecute taint (the first untolerated one is reported).
/// Score: the number of PreferNoSchedule taints the pod does not tolerate, normalised in reverse (fewer is better).
/// </summary>
public sealed class TaintToleration : INodeClassFilter, IPreScorePlugin, INormalizeScorePlugin
{
    private static readonly StateKey<PreScoreState> s_preScoreKey = new("PreScore" + PluginNames.TaintToleration);

    public string Name => PluginNames.TaintToleration;

    public bool IsClassInvariant(CycleState state, PodInfo pod) => true;

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        List<Toleration>? tolerations = pod.Pod.Spec.Tolerations;
        foreach (Taint taint in node.Taints)
        {
            if (taint.Effect is Tolerations.NoSchedule or Tolerations.NoExecute && !Tolerations.AnyTolerates(tolerations, taint))
            {
                return Status.Unresolvable(Name, $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}");
            }
        }
        return Status.Success;
    }

    public Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        Toleration[] prefer = pod.Pod.Spec.Tolerations?
            .Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == Tolerations.PreferNoSchedule)
            .ToArray() ?? [];
        state.Write(s_preScoreKey, new PreScoreState(prefer));
        return Status.Success;
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(node);
        score = 0;
        IReadOnlyList<Taint> taints = node.Taints;
        if (taints.Count == 0)
        {
            return Status.Success;
        }
        if (!state.TryRead(s_preScoreKey, out PreScoreState? s))
        {
            return Status.Error(Name, "reading PreScore state: not found");
        }
        foreach (Taint taint in taints)
        {
            if (taint.Effect == Tolerations.PreferNoSchedule && !Tolerations.AnyTolerates(s.PreferNoScheduleTolerations, taint))
            {
                score++;
            }
        }
        return Status.Success;
    }

    public Status NormalizeScore(CycleState state, PodInfo pod, ReadOnlySpan<NodeInfo> nodes, Span<long> scores)
    {
        Scores.DefaultNormalize(Scores.MaxNodeScore, reverse: true, scores);
        return Status.Success;
    }

    private sealed class PreScoreState(Toleration[] preferNoScheduleTolerations) : IStateData
    {
        public Toleration[] PreferNoScheduleTolerations { get; } = preferNoScheduleTolerations;

        public IStateData Clone() => this;
    }
}

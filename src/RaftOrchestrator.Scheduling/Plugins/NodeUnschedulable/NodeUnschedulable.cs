using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.TaintToleration;

namespace RaftOrchestrator.Scheduling.Plugins.NodeUnschedulable;

/// <summary>A cordoned node (spec.unschedulable) takes only pods tolerating node.kubernetes.io/unschedulable:NoSchedule.</summary>
public sealed class NodeUnschedulable : INodeClassFilter
{
    public const string ErrReasonUnschedulable = "node(s) were unschedulable";

    public const string TaintKey = "node.kubernetes.io/unschedulable";

    private static readonly Status s_unschedulable = Status.Unresolvable(PluginNames.NodeUnschedulable, ErrReasonUnschedulable);

    // An instance field, not a static: Taint is a mutable API type.
    private readonly Taint _taint = new() { Key = TaintKey, Effect = Tolerations.NoSchedule };

    public string Name => PluginNames.NodeUnschedulable;

    public bool IsClassInvariant(CycleState state, PodInfo pod) => true;

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (!node.Unschedulable || Tolerations.AnyTolerates(pod.Pod.Spec.Tolerations, _taint))
        {
            return Status.Success;
        }
        return s_unschedulable;
    }
}

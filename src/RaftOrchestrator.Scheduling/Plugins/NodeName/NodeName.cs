using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.NodeName;

/// <summary>A pod that names its node (spec.nodeName) fits only there.</summary>
public sealed class NodeName : IFilterPlugin
{
    public const string ErrReason = "node(s) didn't match the requested node name";

    private static readonly Status s_mismatch = Status.Unresolvable(PluginNames.NodeName, ErrReason);

    public string Name => PluginNames.NodeName;

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        string? wanted = pod.Pod.Spec.NodeName;
        return string.IsNullOrEmpty(wanted) || wanted == node.Name ? Status.Success : s_mismatch;
    }
}

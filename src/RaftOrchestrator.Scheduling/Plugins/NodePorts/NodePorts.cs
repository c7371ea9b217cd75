using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.NodePorts;

/// <summary>
/// A pod's host ports must be free on the node: same protocol and port conflict when the host IPs are equal or
/// either is 0.0.0.0. Pods without host ports skip the Filter.
/// </summary>
public sealed class NodePorts : IPreFilterPlugin, IFilterPlugin
{
    public const string ErrReason = "node(s) didn't have free ports for the requested pod ports";

    private static readonly Status s_conflict = Status.Unschedulable(PluginNames.NodePorts, ErrReason);

    public string Name => PluginNames.NodePorts;

    public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
    {
        ArgumentNullException.ThrowIfNull(pod);
        result = null;
        return pod.HostPorts.Count == 0 ? Status.SkipStatus : Status.Success;
    }

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return Fits(pod, node) ? Status.Success : s_conflict;
    }

    public static bool Fits(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        foreach (HostPort wanted in pod.HostPorts)
        {
            foreach (HostPort used in node.UsedPorts)
            {
                if (wanted.ConflictsWith(used))
                {
                    return false;
                }
            }
        }
        return true;
    }
}

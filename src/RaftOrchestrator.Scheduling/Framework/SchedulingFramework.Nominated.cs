using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

public sealed partial class SchedulingFramework
{
    /// <summary>
    /// kube-scheduler's RunFilterPluginsWithNominatedPods. When pods of priority at least the pod's are nominated to
    /// the node (<see cref="CycleState.NominatedPods"/>), the filters run twice: first on a clone of the node with
    /// those pods added (and a clone of the state their AddPod extensions updated), then on the node as it is. The
    /// pod fits only if both pass: the first pass keeps the room preemption freed for the nominated pods; the second
    /// is there because they may never arrive, and a filter such as pod affinity may pass only thanks to them.
    /// Without such pods it is one <see cref="RunFilterPlugins"/>. The state and the node are not changed.
    /// </summary>
    public Status RunFilterPluginsWithNominatedPods(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (state.NominatedPods is not { NodeNames.Count: > 0 } nominated)
        {
            return RunFilterPlugins(state, pod, node);
        }
        if (AddNominatedPods(state, pod, node, nominated.NominatedPodsForNode(node.Name), out CycleState? withState, out NodeInfo? withNode) is { } error)
        {
            return error;
        }
        if (withNode is null)
        {
            return RunFilterPlugins(state, pod, node);
        }
        Status first = RunFilterPlugins(withState!, pod, withNode);
        return first.IsSuccess ? RunFilterPlugins(state, pod, node) : first;
    }

    /// <summary>
    /// Whether a pod nominated to a node counts when filtering <paramref name="pod"/> there: its priority is at least
    /// the pod's (kube-scheduler's rule, so equal priority counts: the earlier preemptor keeps its room) and it is not
    /// the pod itself, by uid.
    /// </summary>
    internal static bool Counts(PodInfo pod, PodInfo nominated) => nominated.Priority >= pod.Priority && nominated.Uid != pod.Uid;

    /// <summary>
    /// kube-scheduler's addGENominatedPods: clones of the state and the node with every counting nominated pod
    /// (<see cref="Counts"/>) added, each announced to the PreFilter extensions. A pod the node already holds (assumed
    /// there before its nomination was cleared) is not added twice. Both outs are null when no pod was added; a
    /// failing extension is returned as an Error.
    /// </summary>
    internal Status? AddNominatedPods(CycleState state, PodInfo pod, NodeInfo node, IReadOnlyList<PodInfo> nominated, out CycleState? stateOut, out NodeInfo? nodeOut)
    {
        stateOut = null;
        nodeOut = null;
        foreach (PodInfo p in nominated)
        {
            if (!Counts(pod, p) || Holds(node, p.Uid))
            {
                continue;
            }
            if (nodeOut is null)
            {
                stateOut = state.Clone();
                nodeOut = node.Clone();
            }
            nodeOut.AddPod(p);
            Status s = RunPreFilterExtensionAddPod(stateOut!, pod, p, nodeOut);
            if (!s.IsSuccess)
            {
                return Status.Error(s.Plugin ?? "", $"adding nominated pod {p.Key} to {node.Name}: {s.Message}");
            }
        }
        return null;
    }

    private static bool Holds(NodeInfo node, string uid)
    {
        foreach (PodInfo p in node.Pods)
        {
            if (p.Uid == uid)
            {
                return true;
            }
        }
        return false;
    }
}

using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

public sealed partial class DefaultPreemption
{
    /// <summary>
    /// selectVictimsOnNode on a clone of the node and the cycle state: remove every lower-priority pod; if the pod
    /// still does not fit, the node is no candidate (kube-scheduler does not try to keep an affinity target among
    /// the victims). Otherwise reprieve, most important first, the PodDisruptionBudget-violating pods and then the
    /// others: each is put back and stays if the pod still fits. What cannot stay are the victims. "Fits" counts the
    /// pods nominated to the node with priority at least the pod's, as the search does: they are no victims (they
    /// are not on the node yet) and the room kept for them is not the preemptor's to take.
    /// </summary>
    private static (Candidate? Candidate, Status? Failure) SelectVictims(SchedulingFramework framework, CycleState state, PodInfo pod, NodeInfo node,
        IReadOnlyList<DisruptionBudget> budgets)
    {
        var potential = new List<PodInfo>();
        foreach (PodInfo p in node.Pods)
        {
            if (p.Priority < pod.Priority)
            {
                potential.Add(p);
            }
        }
        if (potential.Count == 0)
        {
            return (null, Status.Unresolvable(PluginNames.DefaultPreemption, NoVictims));
        }
        foreach (PodInfo p in potential)
        {
            if (Remove(framework, state, pod, p, node) is { } error)
            {
                return (null, error);
            }
        }
        Status fits = framework.RunFilterPluginsWithNominatedPods(state, pod, node);
        if (!fits.IsSuccess)
        {
            return (null, fits);
        }
        potential.Sort(MoreImportantFirst);
        (List<PodInfo> violating, List<PodInfo> nonViolating) = SplitByBudget(potential, budgets);
        var victims = new List<PodInfo>();
        int violations = 0;
        foreach (PodInfo p in violating)
        {
            if (!Reprieve(framework, state, pod, p, node, victims))
            {
                violations++;
            }
        }
        foreach (PodInfo p in nonViolating)
        {
            Reprieve(framework, state, pod, p, node, victims);
        }
        victims.Sort(MoreImportantFirst);
        return (new Candidate(node.Name, victims, violations), null);
    }

    /// <summary>Puts <paramref name="victim"/> back; if the pod then no longer fits, takes it out again as a victim. True when it stays.</summary>
    private static bool Reprieve(SchedulingFramework framework, CycleState state, PodInfo pod, PodInfo victim, NodeInfo node, List<PodInfo> victims)
    {
        node.AddPod(victim);
        framework.RunPreFilterExtensionAddPod(state, pod, victim, node);
        if (framework.RunFilterPluginsWithNominatedPods(state, pod, node).IsSuccess)
        {
            return true;
        }
        Remove(framework, state, pod, victim, node);
        victims.Add(victim);
        return false;
    }

    private static Status? Remove(SchedulingFramework framework, CycleState state, PodInfo pod, PodInfo victim, NodeInfo node)
    {
        node.RemovePod(victim.Uid);
        Status s = framework.RunPreFilterExtensionRemovePod(state, pod, victim, node);
        return s.IsSuccess ? null : s;
    }

    /// <summary>
    /// filterPodsWithPDBViolation: walking the pods in order, each budget matching a pod (same namespace, selector
    /// matches, not already among its disrupted pods) spends one disruption; a pod that takes any budget below
    /// zero is violating. Pods without labels match no budget.
    /// </summary>
    internal static (List<PodInfo> Violating, List<PodInfo> NonViolating) SplitByBudget(IReadOnlyList<PodInfo> pods, IReadOnlyList<DisruptionBudget> budgets)
    {
        var allowed = budgets.Select(b => b.DisruptionsAllowed).ToArray();
        var violating = new List<PodInfo>();
        var nonViolating = new List<PodInfo>();
        foreach (PodInfo p in pods)
        {
            bool violates = false;
            if (p.Pod.Metadata.Labels is { Count: > 0 } labels)
            {
                for (int i = 0; i < budgets.Count; i++)
                {
                    DisruptionBudget b = budgets[i];
                    if (b.Namespace != p.Namespace || b.Selector.IsEmpty || b.Selector.IsNothing || !b.Selector.Matches(labels)
                        || b.DisruptedPods?.Contains(p.Name) == true)
                    {
                        continue;
                    }
                    if (--allowed[i] < 0)
                    {
                        violates = true;
                    }
                }
            }
            (violates ? violating : nonViolating).Add(p);
        }
        return (violating, nonViolating);
    }

    /// <summary>MoreImportantPod: higher priority first, then the earlier start (a pod not started counts as starting last), then by key.</summary>
    internal static int MoreImportantFirst(PodInfo a, PodInfo b)
    {
        int byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }
        int byStart = StartTime(a).CompareTo(StartTime(b));
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Key, b.Key);
    }

    internal static DateTime StartTime(PodInfo pod) => pod.Pod.Status?.StartTime ?? DateTime.MaxValue;
}

using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// The pods nominated to nodes (status.nominatedNodeName, or a nomination preemption just made) as one scheduling
/// cycle sees them: kube-scheduler's PodNominator, read side. Filtering counts the ones with priority at least the
/// pod's on their node (<see cref="SchedulingFramework.RunFilterPluginsWithNominatedPods"/>), so the room preemption
/// freed for them is not taken by a pod of lower priority in between.
/// </summary>
/// <remarks>
/// The scheduler reads it on its own thread during a cycle and takes no lock: an implementation must not change
/// while a cycle runs (hand each cycle an immutable view, <see cref="NominatedPods"/>). The PodInfos are shared
/// and immutable.
/// </remarks>
public interface INominatedPods
{
    /// <summary>The nodes with at least one nominated pod (a handful: one per pending preemptor).</summary>
    IReadOnlyCollection<string> NodeNames { get; }

    /// <summary>The pods nominated to <paramref name="nodeName"/>; empty when none.</summary>
    IReadOnlyList<PodInfo> NominatedPodsForNode(string nodeName);
}

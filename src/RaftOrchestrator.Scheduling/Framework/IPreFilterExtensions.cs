using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Implemented by a PreFilter plugin whose state depends on the pods already placed: it updates its CycleState
/// incrementally when preemption simulates removing a victim from a node (RemovePod) or
/// re-adding it, or when nominated pods are counted (AddPod). The state passed is a clone the caller owns.
/// </summary>
public interface IPreFilterExtensions : IPreFilterPlugin
{
    Status AddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node);

    Status RemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node);
}

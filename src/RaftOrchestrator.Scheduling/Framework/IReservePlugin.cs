using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Claims plugin-side resources for the pod on the chosen node once it is assumed. Unreserve undoes it, in reverse
/// plugin order, when a later phase fails; it must be idempotent and tolerate a Reserve that never ran.
/// </summary>
public interface IReservePlugin : IPlugin
{
    Status Reserve(CycleState state, PodInfo pod, string nodeName);

    void Unreserve(CycleState state, PodInfo pod, string nodeName);
}

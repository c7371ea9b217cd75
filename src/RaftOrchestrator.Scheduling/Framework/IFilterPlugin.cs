using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Decides whether the pod can run on one node. Called for many nodes per pod: read PreFilter's state, do no
/// per-call parsing, and return cached Status instances for common reasons.
/// </summary>
public interface IFilterPlugin : IPlugin
{
    Status Filter(CycleState state, PodInfo pod, NodeInfo node);
}

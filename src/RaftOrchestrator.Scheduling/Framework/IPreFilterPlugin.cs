using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Runs once per pod over the whole snapshot before any Filter: computes what Filter needs (topology counts,
/// compiled selectors) into the CycleState. Skip means this plugin's Filter is not run for the pod; a rejection
/// fails the pod on every node with this status.
/// </summary>
public interface IPreFilterPlugin : IPlugin
{
    Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result);
}

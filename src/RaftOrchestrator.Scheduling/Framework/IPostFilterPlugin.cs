using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Runs when no node passed the filters (preemption). The statuses hold every node's failure, so
/// the plugin can skip nodes that were UnschedulableAndUnresolvable. Success with a nominated node ends the
/// PostFilter phase; Unschedulable lets the next plugin try.
/// </summary>
public interface IPostFilterPlugin : IPlugin
{
    PostFilterResult PostFilter(CycleState state, PodInfo pod, Snapshot snapshot, NodeToStatus statuses);
}

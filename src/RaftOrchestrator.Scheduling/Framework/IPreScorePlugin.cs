using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Runs once per pod over the feasible nodes before Score; Skip means this plugin's Score is not run.</summary>
public interface IPreScorePlugin : IPlugin
{
    Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes);
}

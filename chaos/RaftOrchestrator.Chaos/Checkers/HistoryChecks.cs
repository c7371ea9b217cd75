using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>Every checker over one recorded history, in report order.</summary>
public static class HistoryChecks
{
    /// <param name="history">The run's history, as recorded or as loaded from a report folder.</param>
    /// <param name="linearizabilityBudget">Model steps the linearizability search may take (<see cref="LinearizabilityChecker.DefaultBudget"/>).</param>
    public static CheckSummary CheckAll(RecordedHistory history, long linearizabilityBudget = LinearizabilityChecker.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new CheckSummary(
        [
            LinearizabilityChecker.Check(history.Operations, linearizabilityBudget).Verdict,
            WatchChecker.Check(history.Watch, history.Operations),
            LostWriteChecker.Check(history.Operations, history.FinalReads),
            OrchestrationChecker.Check(history.Snapshots, history.Binds),
        ]);
    }
}

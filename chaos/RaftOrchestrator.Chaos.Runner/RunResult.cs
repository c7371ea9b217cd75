using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;

namespace RaftOrchestrator.Chaos.Runner;

/// <summary>What a run produced: the history, the fault timeline, the leaders seen, the verdicts and the figures.</summary>
internal sealed record RunResult(
    RunSettings Settings,
    RecordedHistory History,
    IReadOnlyList<FaultRecord> Faults,
    IReadOnlyList<LeaderChange> Leaders,
    CheckSummary Summary,
    RunFigures Figures)
{
    public int ExitCode => Summary.ExitCode;
}

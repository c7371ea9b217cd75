namespace RaftOrchestrator.ApiBench;

/// <summary>The JSON results file: when and against what the run measured, every case, and what went wrong.</summary>
internal sealed record BenchReport(
    string StartedUtc,
    double Seconds,
    bool Quick,
    int ProcessorCount,
    IReadOnlyList<string> Replicas,
    string? Leader,
    string? Follower,
    BenchReportSettings Settings,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<WatchCaseResult> Watches,
    IReadOnlyList<string> Notes);

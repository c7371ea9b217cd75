namespace RaftOrchestrator.SchedBench;

/// <summary>The JSON results file: when, on what, with which knobs, every case, and what went wrong.</summary>
internal sealed record SchedReport(
    string StartedUtc,
    double Seconds,
    int ProcessorCount,
    string Workloads,
    int Replicas,
    string Scheduler,
    int CreateConcurrency,
    int NodeConcurrency,
    int BindConcurrency,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<string> Notes);

namespace RaftOrchestrator.LoadGen;

/// <summary>The outcome of one closed loop: latencies of the completed operations, failures and wall time.</summary>
internal sealed record LoopResult(LatencySummary Latency, int Ops, int Errors, int BadReads, TimeSpan Elapsed,
    string? FirstError)
{
    public double OpsPerSecond => Elapsed.TotalSeconds > 0 ? Ops / Elapsed.TotalSeconds : 0;
}

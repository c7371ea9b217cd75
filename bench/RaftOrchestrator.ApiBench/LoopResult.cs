namespace RaftOrchestrator.ApiBench;

/// <summary>What a closed loop measured: successful and failed operations, the wall time of the timed part, latencies of the successes.</summary>
internal sealed record LoopResult(int Ops, int Errors, string? FirstError, double Seconds, LatencySummary Latency)
{
    public double OpsPerSecond => Seconds > 0 ? Ops / Seconds : 0;
}

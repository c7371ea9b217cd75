namespace RaftOrchestrator.E2EBench;

/// <summary>When one pod reached each stage, as Stopwatch timestamps of the watch event that showed it; 0 = not yet.</summary>
internal sealed class PodTimes
{
    public long Seen { get; set; }

    public long Bound { get; set; }

    public long Running { get; set; }

    public long Ready { get; set; }
}

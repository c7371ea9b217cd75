namespace RaftOrchestrator.E2EBench;

/// <summary>Pods of the run by the furthest stage reached (cumulative: a Ready pod is also counted as bound and running).</summary>
internal readonly record struct PodCounts(int Seen, int Bound, int Running, int Ready)
{
    /// <summary>Seen, not yet bound to a node.</summary>
    public int Pending => Seen - Bound;

    /// <summary>Bound, not yet running.</summary>
    public int Scheduled => Bound - Running;
}

namespace RaftOrchestrator.SchedBench;

/// <summary>kube-scheduler's scheduler_perf figure for this shape, with where it comes from; null PodsPerSecond: none published.</summary>
internal sealed class KubeSchedulerFigure
{
    public double? PodsPerSecond { get; set; }

    public string Source { get; set; } = "";
}

namespace RaftOrchestrator.Chaos.Runner;

/// <summary>
/// The numbers of a run for the summary: wall seconds of each phase, operations by outcome, Ok latency percentiles
/// (ms), watch and Kubernetes counts. Fault start and end seconds are on the run's clock, as the history's times.
/// </summary>
internal sealed record RunFigures
{
    public double StartSeconds { get; init; }

    public double FaultSeconds { get; init; }

    public double ConvergeSeconds { get; init; }

    public double TotalSeconds { get; init; }

    public int Operations { get; init; }

    public int Ok { get; init; }

    public int Failed { get; init; }

    public int Unknown { get; init; }

    public double P50Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    public int WatchEvents { get; init; }

    public int WatchReconnects { get; init; }

    public int KubeWritesOk { get; init; }

    public int KubeWritesFailed { get; init; }

    public int Snapshots { get; init; }

    public int Binds { get; init; }

    public int LeaderChanges { get; init; }

    public int FaultErrors { get; init; }

    public bool Converged { get; init; }

    /// <summary>Per fault, in order: the longest stretch in seconds without an Ok KV op (<see cref="Report.FaultOutages"/>).</summary>
    public IReadOnlyList<double> FaultOutages { get; init; } = [];
}

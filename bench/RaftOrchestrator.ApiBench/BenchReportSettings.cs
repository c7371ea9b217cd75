namespace RaftOrchestrator.ApiBench;

/// <summary>The sizes a run used, as written to the results file.</summary>
internal sealed record BenchReportSettings(
    double CaseSeconds,
    int Warmup,
    int MaxOps,
    int ListObjects,
    int Watchers,
    int Updates,
    int ValueSize,
    bool StartedCluster)
{
    public static BenchReportSettings Of(BenchSettings s) =>
        new(s.CaseDuration.TotalSeconds, s.Warmup, s.MaxOps, s.ListObjects, s.Watchers, s.Updates, s.ValueSize, s.Servers is null);
}

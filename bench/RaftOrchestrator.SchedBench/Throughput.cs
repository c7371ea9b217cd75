using System.Diagnostics;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// Bind throughput from the bind timestamps, as scheduler_perf's throughput collector samples it: the number of
/// pods bound in each 1 s interval from the first create. The percentiles are over the whole intervals up to the
/// last bind (the trailing partial interval is in the series but not in the percentiles; a run shorter than 1 s
/// has its average as its one sample). The average is all pods bound over first create → last bind.
/// </summary>
internal sealed record Throughput(int Bound, double Seconds, double PodsPerSecond, LatencySummary PerSecond, IReadOnlyList<int> Series)
{
    public static Throughput Of(long startTimestamp, IReadOnlyCollection<long> boundAt)
    {
        if (boundAt.Count == 0)
        {
            return new Throughput(0, 0, 0, LatencySummary.Of([]), []);
        }
        long last = boundAt.Max();
        double seconds = Math.Max(1e-3, (double)(last - startTimestamp) / Stopwatch.Frequency);
        int intervals = (int)Math.Floor(seconds) + 1;
        var series = new int[intervals];
        foreach (long t in boundAt)
        {
            int i = (int)Math.Floor((double)Math.Max(0, t - startTimestamp) / Stopwatch.Frequency);
            series[Math.Min(i, intervals - 1)]++;
        }
        double average = boundAt.Count / seconds;
        int whole = (int)Math.Floor(seconds);
        LatencySummary perSecond = whole == 0 ? LatencySummary.Of([average]) : LatencySummary.Of(series.Take(whole).Select(n => (double)n));
        return new Throughput(boundAt.Count, seconds, average, perSecond, series);
    }
}

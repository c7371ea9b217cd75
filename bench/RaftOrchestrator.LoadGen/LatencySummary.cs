namespace RaftOrchestrator.LoadGen;

/// <summary>Nearest-rank percentiles of a set of latencies in ms (values may be negative).</summary>
internal sealed record LatencySummary(int Count, double Avg, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> millis)
    {
        var sorted = millis.ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length,
            sorted.Average(),
            Rank(sorted, 0.50),
            Rank(sorted, 0.90),
            Rank(sorted, 0.99),
            sorted[^1]);
    }

    private static double Rank(double[] sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

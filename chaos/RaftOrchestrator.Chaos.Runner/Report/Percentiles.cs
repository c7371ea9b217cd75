namespace RaftOrchestrator.Chaos.Runner.Report;

/// <summary>Nearest-rank percentiles of the run's figures (latencies, outages).</summary>
internal static class Percentiles
{
    /// <summary>The q-th (0–1) nearest-rank value of <paramref name="sorted"/> (ascending); 0 when it is empty.</summary>
    public static double Of(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

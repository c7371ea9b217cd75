using RaftOrchestrator.Chaos.Runner.Report;

namespace RaftOrchestrator.Chaos.Runner.Tests;

public sealed class FaultOutagesTests
{
    [Fact]
    public void Measure_LongestStretchWithoutAnOkReturn_FromEachStartToTheNext()
    {
        double[] ok = [1.0, 1.1, 2.0, 2.1, 2.2, 5.0, 5.1, 9.0];
        (string, double)[] faults = [("kill-leader", 1.05), ("partition-leader", 4.0), ("kill-leader", 5.05)];

        IReadOnlyList<double> outages = FaultOutages.Measure(ok, faults);

        // 1.05 → 1.1 → 2.0 (0.9) … 2.2 → 4.0 (1.8, up to the next fault's start); 4.0 → 5.0 (1.0); 5.05 → 5.1 → 9.0 (3.9).
        Assert.Equal([1.8, 1.0, 3.9], outages.Select(o => Math.Round(o, 6)));
    }

    [Fact]
    public void Measure_NoOkOperationAfterTheLastFault_IsZeroNotNegative()
    {
        IReadOnlyList<double> outages = FaultOutages.Measure([1.0], [("kill-all-restart", 3.0)]);

        Assert.Equal([0.0], outages);
    }

    [Fact]
    public void Describe_FiveOrMoreOfAKind_GivesPercentiles_FewerGivesEveryValue()
    {
        string[] names = ["kill-leader", "kill-leader", "kill-leader", "kill-leader", "kill-leader", "pause-leader"];
        double[] outages = [0.5, 0.4, 0.6, 2.0, 0.5, 3.19];

        string[] lines = [.. FaultOutages.Describe(names, outages)];

        Assert.Equal(["kill-leader ×5: p50 0.50 s, p90 2.00 s, max 2.00 s", "pause-leader ×1: 3.19 s"], lines);
    }
}

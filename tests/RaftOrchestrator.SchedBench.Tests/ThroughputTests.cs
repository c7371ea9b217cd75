using System.Diagnostics;

namespace RaftOrchestrator.SchedBench.Tests;

public sealed class ThroughputTests
{
    private static long At(double seconds) => (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void Of_CountsBindsPerWholeSecondAndAveragesOverFirstCreateToLastBind()
    {
        // 10 binds in [0,1), 30 in [1,2), 20 in [2,3), then 1 at 3.5 s (the trailing partial interval)
        long[] binds = [.. Enumerable.Range(0, 10).Select(i => At(0.05 + i * 0.09)),
            .. Enumerable.Range(0, 30).Select(i => At(1.01 + i * 0.03)),
            .. Enumerable.Range(0, 20).Select(i => At(2.01 + i * 0.04)), At(3.5)];

        Throughput t = Throughput.Of(0, binds);

        Assert.Equal(61, t.Bound);
        Assert.Equal(3.5, t.Seconds, 6);
        Assert.Equal(61 / 3.5, t.PodsPerSecond, 6);
        Assert.Equal([10, 30, 20, 1], t.Series);
        Assert.Equal(3, t.PerSecond.Count);            // the partial interval is not a sample
        Assert.Equal(20, t.PerSecond.P50);
        Assert.Equal(30, t.PerSecond.P99);
    }

    [Fact]
    public void Of_ARunShorterThanOneSecond_HasItsAverageAsItsOneSample()
    {
        Throughput t = Throughput.Of(At(10), [At(10.1), At(10.2), At(10.5)]);

        Assert.Equal(3 / 0.5, t.PodsPerSecond, 6);
        Assert.Equal(1, t.PerSecond.Count);
        Assert.Equal(6, t.PerSecond.P50, 6);
    }

    [Fact]
    public void Of_NothingBound_IsZero()
    {
        Throughput t = Throughput.Of(At(1), []);

        Assert.Equal(0, t.Bound);
        Assert.Equal(0, t.PodsPerSecond);
        Assert.Empty(t.Series);
    }
}

using RaftOrchestrator.Agent.Pods;

namespace RaftOrchestrator.Agent.Tests.Pods;

public sealed class CrashLoopBackoffTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WaitUntil_FirstExit_NoWaitThenDoubling()
    {
        var backoff = new CrashLoopBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
        Assert.Null(backoff.WaitUntil(s_t0, s_t0));
        backoff.Next(s_t0);

        DateTimeOffset exit2 = s_t0.AddSeconds(1);
        Assert.Equal(exit2.AddSeconds(10), backoff.WaitUntil(exit2, exit2));
        Assert.Null(backoff.WaitUntil(exit2, exit2.AddSeconds(10)));
        backoff.Next(exit2);
        Assert.Equal(TimeSpan.FromSeconds(20), backoff.Current);

        DateTimeOffset exit = exit2;
        for (int i = 0; i < 10; i++)
        {
            backoff.Next(exit = exit.AddSeconds(1));
        }
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.Current);
    }

    [Fact]
    public void Next_LongAfterLastRestart_ResetsToBase()
    {
        var backoff = new CrashLoopBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
        backoff.Next(s_t0);
        backoff.Next(s_t0.AddSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(20), backoff.Current);

        DateTimeOffset late = s_t0.AddSeconds(20).AddMinutes(10).AddSeconds(1);
        Assert.Null(backoff.WaitUntil(late, late));
        backoff.Next(late);
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Current);
    }

    [Theory]
    [InlineData(10, "10s")]
    [InlineData(80, "1m20s")]
    [InlineData(300, "5m0s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(0.5, "0.5s")]
    public void Format_GoDuration(double seconds, string expected) => Assert.Equal(expected, CrashLoopBackoff.Format(TimeSpan.FromSeconds(seconds)));
}

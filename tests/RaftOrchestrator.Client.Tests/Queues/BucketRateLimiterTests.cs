using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Client.Tests.Queues;

public sealed class BucketRateLimiterTests
{
    [Fact]
    public void When_BurstIsFree_ThenTheRateApplies()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<int>(time);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.When(i));
        }
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When(100));
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.When(101));
    }

    [Fact]
    public void When_TokensRefillWithTime_UpToTheBurst()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<int>(time, ratePerSecond: 10, burst: 2);
        limiter.When(0);
        limiter.When(0);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, limiter.When(0));
        Assert.Equal(TimeSpan.Zero, limiter.When(0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When(0));
        Assert.Equal(0, limiter.Requeues(0));
    }
}

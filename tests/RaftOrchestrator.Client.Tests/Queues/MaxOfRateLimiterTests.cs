using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Client.Tests.Queues;

public sealed class MaxOfRateLimiterTests
{
    [Fact]
    public void DefaultController_IsTheLongerOfBackoffAndBucket()
    {
        var time = new FakeTimeProvider();
        IRateLimiter<int> limiter = RateLimiters.DefaultController<int>(time);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When(i));
        }
        // The bucket is spent: the 101st distinct key waits for a token, longer than its first backoff.
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When(100));
    }

    [Fact]
    public void DefaultController_ARepeatedFailureIsTheBackoffWhileTokensLast()
    {
        IRateLimiter<int> limiter = RateLimiters.DefaultController<int>(new FakeTimeProvider());
        TimeSpan twelfth = TimeSpan.Zero;
        for (int i = 0; i < 12; i++)
        {
            twelfth = limiter.When(7);
        }
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 2048), twelfth);
        Assert.Equal(12, limiter.Requeues(7));
    }

    [Fact]
    public void Forget_ReachesEveryLimiter_RequeuesIsTheLargest()
    {
        var a = new ItemExponentialFailureRateLimiter<string>();
        var b = new ItemExponentialFailureRateLimiter<string>();
        b.When("k");
        var limiter = new MaxOfRateLimiter<string>(a, b);
        limiter.When("k");
        Assert.Equal(2, limiter.Requeues("k"));
        limiter.Forget("k");
        Assert.Equal((0, 0), (a.Requeues("k"), b.Requeues("k")));
    }
}

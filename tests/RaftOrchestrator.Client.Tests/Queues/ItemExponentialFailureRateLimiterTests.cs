using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Client.Tests.Queues;

public sealed class ItemExponentialFailureRateLimiterTests
{
    [Fact]
    public void When_DoublesFromTheBase_UpToTheCap()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();
        TimeSpan[] delays = [.. Enumerable.Range(0, 20).Select(_ => limiter.When("a"))];

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(20), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 131072), delays[17]);
        Assert.Equal(TimeSpan.FromSeconds(1000), delays[18]);
        Assert.Equal(TimeSpan.FromSeconds(1000), delays[19]);
        Assert.Equal(20, limiter.Requeues("a"));
    }

    [Fact]
    public void When_ManyFailures_StaysAtTheCap()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5));
        TimeSpan last = TimeSpan.Zero;
        for (int i = 0; i < 2000; i++)
        {
            last = limiter.When("a");
        }
        Assert.Equal(TimeSpan.FromMinutes(5), last);
    }

    [Fact]
    public void Forget_RestartsFromTheBase_AndKeysAreIndependent()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();
        limiter.When("a");
        limiter.When("a");
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));

        limiter.Forget("a");
        Assert.Equal(0, limiter.Requeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(1, limiter.Requeues("b"));
    }
}

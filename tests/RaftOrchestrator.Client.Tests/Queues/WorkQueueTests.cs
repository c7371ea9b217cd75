using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Queues;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<QueueItem<string>> TakeAsync(WorkQueue<string> queue) =>
        await queue.TakeAsync(Ct).AsTask().WaitAsync(s_wait, Ct);

    [Fact]
    public async Task Add_WhileProcessing_IsHandedOutAgainOnlyAfterDone()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        QueueItem<string> first = await TakeAsync(queue);
        queue.Add("a");
        Assert.Equal(0, queue.Length);

        queue.Done("a");
        Assert.Equal(1, queue.Length);
        Assert.Equal("a", (await TakeAsync(queue)).Key);
        Assert.True(first.HasItem);
    }

    [Fact]
    public async Task Take_WaitsForAnAdd()
    {
        var queue = new WorkQueue<string>(_time);
        ValueTask<QueueItem<string>> pending = queue.TakeAsync(Ct);
        Assert.False(pending.IsCompleted);
        queue.Add("a");
        Assert.Equal(new QueueItem<string>(true, "a"), await pending.AsTask().WaitAsync(s_wait, Ct));
        Assert.Equal(1, queue.InFlight);
    }

    [Fact]
    public async Task Take_Cancelled_ThrowsAndLosesNoKey()
    {
        var queue = new WorkQueue<string>(_time);
        using var cancel = new CancellationTokenSource();
        ValueTask<QueueItem<string>> pending = queue.TakeAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.AsTask());

        queue.Add("a");
        Assert.Equal("a", (await TakeAsync(queue)).Key);
    }

    [Fact]
    public async Task ShutDown_ReleasesWaitersAndStopsAtOnce()
    {
        var queue = new WorkQueue<string>(_time);
        ValueTask<QueueItem<string>> waiting = queue.TakeAsync(Ct);
        queue.ShutDown();
        queue.Add("ignored");

        Assert.False((await waiting.AsTask().WaitAsync(s_wait, Ct)).HasItem);
        Assert.False((await TakeAsync(queue)).HasItem);
        Assert.True(queue.IsShuttingDown);
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task ShutDown_QueuedKeysAreNotHandedOut()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        queue.ShutDown();
        Assert.False((await TakeAsync(queue)).HasItem);
    }

    [Fact]
    public async Task ShutDownWithDrain_HandsOutQueuedKeys_AndWaitsForKeysInFlight()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        queue.Add("b");
        Assert.Equal("a", (await TakeAsync(queue)).Key);

        Task drain = queue.ShutDownWithDrainAsync(Ct);
        queue.Add("c");
        Assert.Equal("b", (await TakeAsync(queue)).Key);
        queue.Done("b");
        Assert.False(drain.IsCompleted);

        queue.Done("a");
        await drain.WaitAsync(s_wait, Ct);
        Assert.False((await TakeAsync(queue)).HasItem);
    }

    [Fact]
    public async Task ShutDownWithDrain_AKeyAddedWhileInFlightIsProcessedAgain()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        await TakeAsync(queue);
        queue.Add("a");
        Task drain = queue.ShutDownWithDrainAsync(Ct);
        ValueTask<QueueItem<string>> next = queue.TakeAsync(Ct);
        Assert.False(next.IsCompleted);

        queue.Done("a");
        Assert.Equal("a", (await next.AsTask().WaitAsync(s_wait, Ct)).Key);
        queue.Done("a");
        await drain.WaitAsync(s_wait, Ct);
    }

    [Fact]
    public async Task AddAfter_AppearsWhenTheClockReachesTheDelay()
    {
        var queue = new WorkQueue<string>(_time);
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        Assert.Equal((0, 1), (queue.Length, queue.Delayed));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Length);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0), (queue.Length, queue.Delayed));
        Assert.Equal("a", (await TakeAsync(queue)).Key);
    }

    [Fact]
    public void AddAfter_AnEarlierDelayWins_ALaterOneDoesNotPostpone()
    {
        var queue = new WorkQueue<string>(_time);
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        queue.AddAfter("a", TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, queue.Length);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public void AddAfter_ManyKeys_ComeDueInTimeOrder()
    {
        var queue = new WorkQueue<string>(_time);
        queue.AddAfter("late", TimeSpan.FromSeconds(5));
        queue.AddAfter("early", TimeSpan.FromSeconds(1));
        queue.AddAfter("middle", TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Length);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, queue.Length);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, queue.Length);
    }

    [Fact]
    public void AddAfter_OfAQueuedKey_CollapsesWithItWhenDue()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public void AddAfter_ZeroDelay_AddsAtOnce_AndShutDownDropsDelayedKeys()
    {
        var queue = new WorkQueue<string>(_time);
        queue.AddAfter("now", TimeSpan.Zero);
        queue.AddAfter("later", TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Length);
        queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((1, 0), (queue.Length, queue.Delayed));
    }

    [Fact]
    public async Task AddRateLimited_BacksOffExponentially_UntilForgotten()
    {
        var queue = new WorkQueue<string>(_time, new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Length);

        await DrainOneAsync(queue);
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, queue.Length);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(1, queue.Length);
        Assert.Equal(2, queue.Requeues("a"));

        await DrainOneAsync(queue);
        queue.Forget("a");
        Assert.Equal(0, queue.Requeues("a"));
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public void DefaultLimiter_FirstRetryIsFiveMilliseconds()
    {
        var queue = new WorkQueue<string>(_time);
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Length);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public void Done_OfAKeyNotTaken_ChangesNothing()
    {
        var queue = new WorkQueue<string>(_time);
        queue.Add("a");
        queue.Done("a");
        Assert.Equal((1, 0), (queue.Length, queue.InFlight));
    }

    private static async Task DrainOneAsync(WorkQueue<string> queue)
    {
        Assert.Equal(1, queue.Length);
        queue.Done((await TakeAsync(queue)).Key);
    }
}

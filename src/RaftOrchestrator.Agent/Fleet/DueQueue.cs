namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// The fleet's one timer: a priority queue of due items and one loop that hands out, in due order, every item whose
/// time has come. Thousands of pods and leases waiting cost one heap entry each, not a task or a timer each.
/// </summary>
/// <remarks>
/// <see cref="_lock"/> guards the heap and the wake-up state; it is a leaf lock (nothing is called while holding
/// it), so callers may schedule while holding their own lock. The loop sleeps on the <see cref="TimeProvider"/>
/// until the earliest item is due, and is woken early when an item is scheduled before that.
/// </remarks>
internal sealed class DueQueue(TimeProvider time)
{
    /// <summary>Items handed to one call of the handler at most, so a burst does not hold the caller's lock for long.</summary>
    public const int MaxBatch = 1024;

    /// <summary>How far the clock may move between computing a sleep and registering it before the sleep is recomputed.</summary>
    private static readonly long s_lateTolerance = TimeSpan.TicksPerMillisecond;

    private readonly object _lock = new();
    private readonly PriorityQueue<DueItem, long> _heap = new();
    private TaskCompletionSource? _wake;

    /// <summary>The time the loop sleeps until; long.MinValue while it is not sleeping (it looks at the heap again before it does).</summary>
    private long _sleepingUntil = long.MinValue;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _heap.Count;
            }
        }
    }

    public void Schedule(DueItem item, DateTimeOffset at)
    {
        long ticks = at.UtcTicks;
        lock (_lock)
        {
            _heap.Enqueue(item with { At = ticks }, ticks);
            if (ticks < _sleepingUntil)
            {
                _sleepingUntil = long.MinValue;
                _wake?.TrySetResult();
            }
        }
    }

    /// <summary>Hands due items to <paramref name="fire"/> (on this loop, one batch at a time) until cancelled.</summary>
    public async Task RunAsync(Action<List<DueItem>> fire, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fire);
        var ready = new List<DueItem>(MaxBatch);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait = Timeout.InfiniteTimeSpan;
            Task? woken = null;
            long now;
            lock (_lock)
            {
                now = time.GetUtcNow().UtcTicks;
                while (ready.Count < MaxBatch && _heap.TryPeek(out DueItem item, out long at) && at <= now)
                {
                    _heap.Dequeue();
                    ready.Add(item);
                }
                if (ready.Count == 0)
                {
                    bool any = _heap.TryPeek(out _, out long next);
                    wait = any ? TimeSpan.FromTicks(next - now) : Timeout.InfiniteTimeSpan;
                    _sleepingUntil = any ? next : long.MaxValue;
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    woken = _wake.Task;
                }
            }
            if (ready.Count > 0)
            {
                fire(ready);
                ready.Clear();
                continue;
            }
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay(wait, time, sleep.Token);
            // The delay counts from when it is registered, not from `now`: a clock that moved in between (a fake
            // clock advanced by a test, a descheduled thread) would make it fire that much late, so look again.
            if (wait == Timeout.InfiniteTimeSpan || time.GetUtcNow().UtcTicks - now < s_lateTolerance)
            {
                await Task.WhenAny(delay, woken!);
            }
            await sleep.CancelAsync(); // drop the timer of a sleep cut short
            lock (_lock)
            {
                _sleepingUntil = long.MinValue;
            }
        }
    }
}

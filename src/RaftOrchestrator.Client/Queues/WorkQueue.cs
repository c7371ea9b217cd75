namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// client-go's rate-limited work queue (<see cref="IWorkQueue{TKey}"/>), built on three sets:
/// <list type="bullet">
/// <item><c>_queue</c>: keys waiting, in first-added order; every key in it is also in <c>_dirty</c>;</item>
/// <item><c>_dirty</c>: keys that need processing (queued, or added again while being processed);</item>
/// <item><c>_processing</c>: keys handed to a worker and not yet <see cref="Done"/>; never also in <c>_queue</c>.</item>
/// </list>
/// Add puts a key in dirty and, unless it is being processed, in the queue; Take moves it from queue and dirty to
/// processing; Done removes it from processing and queues it again if it became dirty meanwhile. So a key added
/// many times before it is taken is processed once, and no two workers ever hold the same key.
/// </summary>
/// <remarks>
/// One lock (<see cref="_gate"/>) guards every field, the delayed keys of <c>WorkQueue.Delayed.cs</c> included;
/// nothing is awaited or called out (but the rate limiter, which has its own leaf lock) while it is held. Waiting
/// takers are parked in <c>_waiters</c> (FIFO) and completed under the lock with continuations run asynchronously,
/// so a completion never runs a worker on the thread that called Add or Done. Invariant: a taker waits only while
/// nothing can be taken, so <c>_waiters</c> is empty whenever <c>_queue</c> has a key that may be handed out.
/// </remarks>
public sealed partial class WorkQueue<TKey> : IWorkQueue<TKey> where TKey : notnull
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly IRateLimiter<TKey> _limiter;
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly LinkedList<Waiter> _waiters = new();
    private bool _shuttingDown;
    private bool _draining;
    private TaskCompletionSource? _drained;

    /// <param name="time">The clock of <see cref="AddAfter"/> and of the default limiter's token bucket.</param>
    /// <param name="limiter">The backoff of <see cref="AddRateLimited"/>; null: <see cref="RateLimiters.DefaultController{TKey}"/>.</param>
    public WorkQueue(TimeProvider time, IRateLimiter<TKey>? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _limiter = limiter ?? RateLimiters.DefaultController<TKey>(time);
    }

    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Keys handed out and not yet Done (for tests and metrics).</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _processing.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }
            _queue.Enqueue(key);
            Dispatch();
        }
    }

    public void AddRateLimited(TKey key)
    {
        if (!IsShuttingDown)
        {
            AddAfter(key, _limiter.When(key));
        }
    }

    public void Forget(TKey key) => _limiter.Forget(key);

    public int Requeues(TKey key) => _limiter.Requeues(key);

    public ValueTask<QueueItem<TKey>> TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (TryTake(out QueueItem<TKey> item))
            {
                return ValueTask.FromResult(item);
            }
            var waiter = new Waiter(this);
            waiter.Node = _waiters.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                // May run the callback at once, on this thread (the lock is re-entrant and the state consistent).
                waiter.Registration = cancellationToken.Register(static (state, token) => ((Waiter)state!).Cancel(token), waiter);
            }
            return new ValueTask<QueueItem<TKey>>(waiter.Task);
        }
    }

    public void Done(TKey key)
    {
        lock (_gate)
        {
            if (!_processing.Remove(key))
            {
                return;
            }
            if (_dirty.Contains(key))
            {
                _queue.Enqueue(key);
            }
            Dispatch();
            CheckDrained();
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
            _draining = false;
            StopDelayed();
            Dispatch();
            CheckDrained();
        }
    }

    /// <summary>
    /// Stops accepting keys (delayed ones are dropped); workers still take what is queued, and keys being
    /// processed that were added again are queued once more on Done. Completes when nothing is queued or in flight.
    /// </summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            if (!_shuttingDown)
            {
                _shuttingDown = true;
                _draining = true;
            }
            StopDelayed();
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
            Dispatch();
            CheckDrained();
        }
        return drained.WaitAsync(cancellationToken);
    }

    /// <summary>Under the lock: the next key for a taker, or "none" when shut down (and drained), or false to wait.</summary>
    private bool TryTake(out QueueItem<TKey> item)
    {
        if ((!_shuttingDown || _draining) && _queue.TryDequeue(out TKey? key))
        {
            _dirty.Remove(key);
            _processing.Add(key);
            item = new QueueItem<TKey>(true, key);
            return true;
        }
        // Draining: a key being processed that was added again will be queued on Done, so takers keep waiting for it.
        if (_shuttingDown && (!_draining || _dirty.Count == 0))
        {
            item = default;
            return true;
        }
        item = default;
        return false;
    }

    /// <summary>Under the lock: hands keys (or "none") to waiting takers, oldest first, while there is something to hand.</summary>
    private void Dispatch()
    {
        while (_waiters.First is { } first && TryTake(out QueueItem<TKey> item))
        {
            _waiters.RemoveFirst();
            first.Value.Node = null;
            first.Value.Registration.Unregister();
            first.Value.TrySetResult(item);
        }
    }

    private void CheckDrained()
    {
        if (_drained is not null && _processing.Count == 0 && (_queue.Count == 0 || !_draining))
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>A parked taker. Completed (or cancelled) only under the queue's lock, exactly once: <see cref="Node"/> is null after.</summary>
    private sealed class Waiter(WorkQueue<TKey> owner) : TaskCompletionSource<QueueItem<TKey>>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Cancel(CancellationToken token)
        {
            lock (owner._gate)
            {
                if (Node is null)
                {
                    return;
                }
                owner._waiters.Remove(Node);
                Node = null;
                TrySetCanceled(token);
            }
        }
    }
}

namespace RaftOrchestrator.Client.Queues;

public sealed partial class WorkQueue<TKey>
{
    // Keys waiting for AddAfter, guarded by _gate like the rest. _readyAt holds each key's earliest due time (a later
    // AddAfter of a key already waiting does not postpone it); _delayed is a min-heap of (key, due) entries, some
    // stale (superseded by an earlier due time), skipped when they surface. One timer, armed for the earliest due.
    private readonly PriorityQueue<TKey, DateTimeOffset> _delayed = new();
    private readonly Dictionary<TKey, DateTimeOffset> _readyAt = [];
    private ITimer? _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;

    public void AddAfter(TKey key, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }
            if (delay <= TimeSpan.Zero)
            {
                Add(key);
                return;
            }
            DateTimeOffset due = _time.GetUtcNow() + delay;
            if (_readyAt.TryGetValue(key, out DateTimeOffset existing) && existing <= due)
            {
                return;
            }
            _readyAt[key] = due;
            _delayed.Enqueue(key, due);
            Arm();
        }
    }

    /// <summary>Keys waiting for their AddAfter delay (for tests).</summary>
    public int Delayed
    {
        get
        {
            lock (_gate)
            {
                return _readyAt.Count;
            }
        }
    }

    /// <summary>Under the lock: arms the timer for the earliest live due time, if it is earlier than the one armed.</summary>
    private void Arm()
    {
        while (_delayed.TryPeek(out TKey? head, out DateTimeOffset headDue) && (!_readyAt.TryGetValue(head, out DateTimeOffset live) || live != headDue))
        {
            _delayed.Dequeue();
        }
        if (!_delayed.TryPeek(out _, out DateTimeOffset next) || next >= _timerDue)
        {
            return;
        }
        _timerDue = next;
        // Always a positive wait: a fake clock may run a zero-due timer's callback inside Change, under this lock.
        TimeSpan wait = next - _time.GetUtcNow();
        wait = wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
        _timer ??= _time.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = DateTimeOffset.MaxValue;
            if (_shuttingDown)
            {
                return;
            }
            DateTimeOffset now = _time.GetUtcNow();
            while (_delayed.TryPeek(out TKey? key, out DateTimeOffset due) && due <= now)
            {
                _delayed.Dequeue();
                if (_readyAt.TryGetValue(key, out DateTimeOffset live) && live == due)
                {
                    _readyAt.Remove(key);
                    Add(key);
                }
            }
            Arm();
        }
    }

    /// <summary>Under the lock, at shutdown: delayed keys are dropped and the timer released.</summary>
    private void StopDelayed()
    {
        _delayed.Clear();
        _readyAt.Clear();
        _timer?.Dispose();
        _timer = null;
        _timerDue = DateTimeOffset.MaxValue;
    }
}

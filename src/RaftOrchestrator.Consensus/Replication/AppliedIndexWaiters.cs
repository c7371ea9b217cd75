namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// Lets readers wait until the replica has applied a log index (a follower serving a linearizable read waits
/// for the leader's read index). The applier calls <see cref="Advance"/>; waiters are kept in index order so
/// an advance touches only those it releases. <c>_lock</c> guards the queue and the applied index.
/// </summary>
internal sealed class AppliedIndexWaiters
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, long> _waiters = new();
    private long _applied;

    public long Applied
    {
        get
        {
            lock (_lock)
            {
                return _applied;
            }
        }
    }

    /// <summary>Completes when everything up to <paramref name="index"/> is applied.</summary>
    public Task WaitAsync(long index, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_applied >= index)
            {
                return Task.CompletedTask;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter, index);
        }
        return cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task;
    }

    /// <summary>Applier thread: everything up to <paramref name="index"/> is applied (a restore may move it back).</summary>
    public void Advance(long index)
    {
        List<TaskCompletionSource>? released = null;
        lock (_lock)
        {
            _applied = index;
            while (_waiters.TryPeek(out TaskCompletionSource? waiter, out long wanted) && wanted <= index)
            {
                _waiters.Dequeue();
                (released ??= []).Add(waiter);
            }
        }
        if (released is not null)
        {
            foreach (TaskCompletionSource waiter in released)
            {
                waiter.TrySetResult();
            }
        }
    }
}

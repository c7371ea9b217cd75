namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// The queue behind a <see cref="WatchStream"/>: a growable ring of responses with one consumer that can
/// wait. Producers are already serialised by the hub's lock; the queue's own monitor (it locks itself: the
/// type is internal, so no one else can, and a fan-out touches no extra lock object) only orders them
/// against the consumer. A waiting consumer is woken
/// with a task whose continuation runs on the thread pool, never on the producer's (the writer's) thread.
/// Enqueueing allocates nothing once the ring has grown to the stream's working size.
/// </summary>
internal sealed class ResponseQueue
{
    private WatchResponse[] _ring = new WatchResponse[8];
    private int _head;
    private int _count;
    private TaskCompletionSource<bool>? _waiter;
    private bool _completed;
    private Exception? _error;

    /// <summary>Event responses in the ring (control responses are not counted). Read without the lock as a hint.</summary>
    public int QueuedEvents { get; private set; }

    /// <summary>Enqueues <paramref name="response"/> unless it carries events and <paramref name="eventLimit"/> are already queued.</summary>
    public bool TryEnqueue(in WatchResponse response, int eventLimit)
    {
        TaskCompletionSource<bool>? waiter;
        lock (this)
        {
            bool isEvents = response.Kind == WatchResponseKind.Events;
            if (_completed || (isEvents && QueuedEvents >= eventLimit))
            {
                return false;
            }
            if (_count == _ring.Length)
            {
                Grow();
            }
            _ring[(_head + _count) & (_ring.Length - 1)] = response;
            _count++;
            if (isEvents)
            {
                QueuedEvents++;
            }
            waiter = _waiter;
            _waiter = null;
        }
        waiter?.TrySetResult(true);
        return true;
    }

    public bool TryDequeue(out WatchResponse response)
    {
        lock (this)
        {
            if (_count == 0)
            {
                response = default;
                return false;
            }
            response = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) & (_ring.Length - 1);
            _count--;
            if (response.Kind == WatchResponseKind.Events)
            {
                QueuedEvents--;
            }
            return true;
        }
    }

    /// <summary>True when a response is ready; false once the queue is completed and drained (or throws its error).</summary>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        Task<bool> wait;
        lock (this)
        {
            if (_count > 0)
            {
                return true;
            }
            if (_completed)
            {
                return _error is null ? false : throw new InvalidOperationException("The watch stream failed.", _error);
            }
            _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _waiter.Task;
        }
        await wait.WaitAsync(cancellationToken);
        return await WaitToReadAsync(cancellationToken);
    }

    /// <summary>No more responses will be accepted; the consumer drains what is queued, then sees the end (or the error).</summary>
    public void Complete(Exception? error)
    {
        TaskCompletionSource<bool>? waiter;
        lock (this)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            _error = error;
            waiter = _waiter;
            _waiter = null;
        }
        waiter?.TrySetResult(false);
    }

    private void Grow()
    {
        var grown = new WatchResponse[_ring.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            grown[i] = _ring[(_head + i) & (_ring.Length - 1)];
        }
        _ring = grown;
        _head = 0;
    }
}

using System.Runtime.CompilerServices;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// Many watches multiplexed on one ordered stream of responses, as etcd's WatchStream (one per gRPC
/// Watch call). Responses of one watch arrive in revision order; a cancel or compaction response is the
/// last one for its watch.
///
/// Back-pressure: at most <see cref="StoreOptions.WatchStreamCapacity"/> event responses wait unread.
/// When the stream is full, a revision that commits makes the watcher a victim instead of blocking the
/// writer; reading frees room and wakes the hub, which redelivers from the victim's pending response and
/// then from history. Control responses (cancel, progress) are never refused.
///
/// One reader at a time; <see cref="Watch"/>, <see cref="Cancel"/> and <see cref="RequestProgress"/> may
/// be called from any thread.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "etcd's name for a multiplexed watch channel; not a System.IO.Stream.")]
public sealed class WatchStream : IDisposable
{
    private readonly WatchableStore _hub;
    private readonly int _capacity;

    internal WatchStream(WatchableStore hub, int capacity)
    {
        _hub = hub;
        _capacity = capacity;
    }

    /// <summary>Every response of the stream, in order. Watchers enqueue into it directly.</summary>
    internal ResponseQueue Queue { get; } = new();

    // The members below are guarded by the hub's lock.
    internal Dictionary<long, Watcher> Watchers { get; } = [];

    internal long NextWatchId { get; set; }

    internal bool Closed { get; set; }

    /// <summary>Starts a watch. Answers with the watch id, or an error status (duplicate id, invalid range).</summary>
    public WatchCreateResult Watch(in WatchRequest request) => _hub.CreateWatch(this, request);

    /// <summary>Ends a watch: no event for it is enqueued after its cancel response. False if it was not active.</summary>
    public bool Cancel(long watchId) => _hub.CancelWatch(this, watchId);

    /// <summary>Asks for a bookmark (etcd's RequestProgress): sent now if every watch is synced, else as soon as they are.</summary>
    public void RequestProgress() => _hub.RequestProgress(this);

    public bool TryRead(out WatchResponse response)
    {
        if (!Queue.TryDequeue(out response))
        {
            return false;
        }
        if (response.Kind == WatchResponseKind.Events && _hub.HasLaggingWatchers)
        {
            _hub.WakeSyncLoop();   // room again: victims and unsynced watchers may be waiting for it
        }
        return true;
    }

    /// <summary>True when a response is ready; false once the stream has ended and is drained.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => Queue.WaitToReadAsync(cancellationToken);

    public async ValueTask<WatchResponse> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead(out WatchResponse response))
            {
                return response;
            }
            if (!await WaitToReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The watch stream has ended.");
            }
        }
    }

    public async IAsyncEnumerable<WatchResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await WaitToReadAsync(cancellationToken))
        {
            while (TryRead(out WatchResponse response))
            {
                yield return response;
            }
        }
    }

    /// <summary>Event responses waiting to be read.</summary>
    public int QueuedEvents => Queue.QueuedEvents;

    internal bool HasRoom => Queue.QueuedEvents < _capacity;

    /// <summary>Enqueues an event response unless the stream is full. Called under the hub's lock.</summary>
    internal bool TryEnqueueEvents(in WatchResponse response) => Queue.TryEnqueue(response, _capacity);

    /// <summary>Enqueues a control response (progress, cancel); never refused while the stream is open.</summary>
    internal void EnqueueControl(in WatchResponse response) => Queue.TryEnqueue(response, _capacity);

    internal void Complete(Exception? error = null) => Queue.Complete(error);

    /// <summary>Cancels every watch of the stream and completes it.</summary>
    public void Dispose() => _hub.CloseStream(this);
}

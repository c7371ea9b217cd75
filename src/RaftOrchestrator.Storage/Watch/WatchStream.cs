using System.Runtime.CompilerServices;
using System.Threading.Channels;

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
    private readonly Channel<WatchResponse> _channel =
        Channel.CreateUnbounded<WatchResponse>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity;
    private int _queuedEvents;

    internal WatchStream(WatchableStore hub, int capacity)
    {
        _hub = hub;
        _capacity = capacity;
    }

    // The fields below are guarded by the hub's lock.
    internal Dictionary<long, Watcher> Watchers { get; } = [];

    internal long NextWatchId { get; set; }

    /// <summary>A progress request arrived while some watcher was behind; answered once all are synced.</summary>
    internal bool ProgressRequested { get; set; }

    internal bool Closed { get; set; }

    /// <summary>Starts a watch. Answers with the watch id, or an error status (duplicate id, invalid range).</summary>
    public WatchCreateResult Watch(in WatchRequest request) => _hub.CreateWatch(this, request);

    /// <summary>Ends a watch: no event for it is enqueued after its cancel response. False if it was not active.</summary>
    public bool Cancel(long watchId) => _hub.CancelWatch(this, watchId);

    /// <summary>Asks for a bookmark (etcd's RequestProgress): sent now if every watch is synced, else as soon as they are.</summary>
    public void RequestProgress() => _hub.RequestProgress(this);

    public bool TryRead(out WatchResponse response)
    {
        if (!_channel.Reader.TryRead(out response))
        {
            return false;
        }
        OnRead(response);
        return true;
    }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) =>
        _channel.Reader.WaitToReadAsync(cancellationToken);

    public async ValueTask<WatchResponse> ReadAsync(CancellationToken cancellationToken)
    {
        WatchResponse response = await _channel.Reader.ReadAsync(cancellationToken);
        OnRead(response);
        return response;
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
    public int QueuedEvents => Volatile.Read(ref _queuedEvents);

    internal bool HasRoom => Volatile.Read(ref _queuedEvents) < _capacity;

    /// <summary>Enqueues an event response unless the stream is full. Called under the hub's lock.</summary>
    internal bool TryEnqueueEvents(in WatchResponse response)
    {
        if (Volatile.Read(ref _queuedEvents) >= _capacity)
        {
            return false;
        }
        Interlocked.Increment(ref _queuedEvents);
        _channel.Writer.TryWrite(response);
        return true;
    }

    /// <summary>Enqueues a control response (progress, cancel); never refused.</summary>
    internal void EnqueueControl(in WatchResponse response) => _channel.Writer.TryWrite(response);

    internal void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    private void OnRead(in WatchResponse response)
    {
        if (response.Kind == WatchResponseKind.Events)
        {
            Interlocked.Decrement(ref _queuedEvents);
            if (_hub.HasLaggingWatchers)
            {
                _hub.WakeSyncLoop();   // room again: victims and unsynced watchers may be waiting for it
            }
        }
    }

    /// <summary>Cancels every watch of the stream and completes it.</summary>
    public void Dispose() => _hub.CloseStream(this);
}

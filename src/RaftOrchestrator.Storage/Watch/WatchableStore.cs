using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// The watch hub over a <see cref="KvStore"/> (etcd's watchableStore). Watchers live in one of three groups:
/// <b>synced</b> watchers get each revision from the writer's thread as it commits; <b>unsynced</b> ones
/// are replayed from history by a background loop until they reach the current revision; <b>victims</b>
/// are synced watchers whose stream was full, holding the response that did not fit. The writer never
/// blocks on a slow reader, and no watcher loses an event: it catches up from history, or is cancelled
/// with "compacted" if the history it needs is gone.
///
/// Locking: <c>_mu</c> guards the groups, every <see cref="Watcher"/>, the streams' watch tables and
/// <c>_notifiedRevision</c>. Order: <c>_mu</c> may be held while taking the store's read lock; the store's
/// writer calls <see cref="OnCommit"/> after releasing its write lock, so it never holds a store lock
/// while waiting for <c>_mu</c>.
///
/// Why the groups cannot lose or duplicate a revision r: the store publishes r as its current revision
/// before it calls <see cref="OnCommit"/> for r, and every decision about a watcher's position is made under
/// <c>_mu</c> from the published revision c: a watcher placed in synced gets <c>MinRevision = c + 1</c>
/// after history up to c was delivered. If r ≤ c it came from history and the later OnCommit(r) skips the
/// watcher (r below its MinRevision); if r > c, OnCommit(r) runs after the decision and delivers it.
/// </summary>
public sealed partial class WatchableStore : IDisposable
{
    private readonly object _mu = new();
    private readonly WatcherGroup _synced = new();
    private readonly WatcherGroup _unsynced = new();
    private readonly List<Watcher> _victims = [];
    private readonly HashSet<WatchStream> _progressRequested = [];
    private readonly StoreOptions _options;
    private KvStore _kv;
    /// <summary>The newest revision whose events every synced watcher has been handed.</summary>
    private long _notifiedRevision;

    public WatchableStore(KvStore kv)
    {
        ArgumentNullException.ThrowIfNull(kv);
        _kv = kv;
        _options = kv.Options;
        _notifiedRevision = kv.CurrentRevision;
        kv.SetListener(new Listener(this));
        _lastProgressTimestamp = _options.TimeProvider.GetTimestamp();
        // Not awaited by anyone: the loop ends when disposed, and reports its own failure through every stream.
        _ = Task.Run(RunSyncLoopAsync);
    }

    /// <summary>The store underneath: all reads and writes go to it directly.</summary>
    public KvStore Kv => Volatile.Read(ref _kv);

    public WatchStream NewWatchStream() => new(this, _options.WatchStreamCapacity);

    /// <summary>Watchers per group, for metrics and tests.</summary>
    public (int Synced, int Unsynced, int Victims) WatcherCounts
    {
        get
        {
            lock (_mu)
            {
                return (_synced.Count, _unsynced.Count, _victims.Count);
            }
        }
    }

    /// <summary>
    /// True when some watcher is unsynced or a victim. Read without the lock: a hint for readers deciding
    /// whether to wake the sync loop (a stale answer costs at most one resync period).
    /// </summary>
    internal bool HasLaggingWatchers => _unsynced.Count + _victims.Count > 0;

    /// <summary>
    /// Swaps in a store restored from a snapshot (the replicated layer installing a snapshot). The caller is
    /// the store's only writer and makes no write to the old store afterwards. Every watcher resumes from
    /// its own next revision against the new history: it catches up, or is cancelled as compacted.
    /// </summary>
    public void ReplaceStore(KvStore restored)
    {
        ArgumentNullException.ThrowIfNull(restored);
        restored.SetListener(new Listener(this));
        lock (_mu)
        {
            Volatile.Write(ref _kv, restored);
            foreach (Watcher w in _synced.All.ToList())
            {
                // A synced watcher has seen everything up to the last notified revision, event or not.
                w.MinRevision = Math.Max(w.MinRevision, _notifiedRevision + 1);
                Move(w, _synced, _unsynced, WatcherState.Unsynced);
            }
            _notifiedRevision = restored.CurrentRevision;
        }
        WakeSyncLoop();
    }

    internal WatchCreateResult CreateWatch(WatchStream stream, in WatchRequest request)
    {
        if (!request.Range.IsValid || request.WatchId < WatchRequest.AutoWatchId || request.StartRevision < 0)
        {
            return new WatchCreateResult(StoreStatus.InvalidArgument, 0);
        }
        long id = request.WatchId;
        lock (_mu)
        {
            if (_fault is not null)
            {
                throw new InvalidOperationException("The watch hub failed; no watch can be created.", _fault);
            }
            if (stream.Closed || (request.WatchId != WatchRequest.AutoWatchId && stream.Watchers.ContainsKey(request.WatchId)))
            {
                return new WatchCreateResult(StoreStatus.InvalidArgument, 0);
            }
            if (id == WatchRequest.AutoWatchId)
            {
                while (stream.Watchers.ContainsKey(stream.NextWatchId))
                {
                    stream.NextWatchId++;
                }
                id = stream.NextWatchId++;
            }
            var watcher = new Watcher(id, stream, _options.WatchStreamCapacity, request);
            KvStore kv = _kv;
            long current = kv.CurrentRevision, compact = kv.CompactRevision;
            if (request.StartRevision > 0 && request.StartRevision < compact)
            {
                stream.EnqueueControl(new WatchResponse(id, WatchResponseKind.Canceled, current, default, compact, watcher.PrevKv));
                return new WatchCreateResult(StoreStatus.Ok, id);
            }
            stream.Watchers.Add(id, watcher);
            if (request.StartRevision == 0 || request.StartRevision > current)
            {
                watcher.MinRevision = request.StartRevision == 0 ? current + 1 : request.StartRevision;
                watcher.State = WatcherState.Synced;
                _synced.Add(watcher);
                return new WatchCreateResult(StoreStatus.Ok, id);
            }
            watcher.MinRevision = request.StartRevision;
            watcher.State = WatcherState.Unsynced;
            _unsynced.Add(watcher);
        }
        WakeSyncLoop();
        return new WatchCreateResult(StoreStatus.Ok, id);
    }

    internal bool CancelWatch(WatchStream stream, long watchId)
    {
        lock (_mu)
        {
            if (!stream.Watchers.TryGetValue(watchId, out Watcher? watcher))
            {
                return false;
            }
            Close(watcher);
            stream.EnqueueControl(new WatchResponse(watchId, WatchResponseKind.Canceled, _notifiedRevision, default, 0, watcher.PrevKv));
            return true;
        }
    }

    internal void CloseStream(WatchStream stream)
    {
        lock (_mu)
        {
            foreach (Watcher watcher in stream.Watchers.Values.ToList())
            {
                Close(watcher);
            }
            stream.Closed = true;
            _progressRequested.Remove(stream);
            stream.Complete();
        }
    }

    internal void RequestProgress(WatchStream stream)
    {
        lock (_mu)
        {
            if (!TrySendStreamProgress(stream))
            {
                _progressRequested.Add(stream);
            }
        }
        WakeSyncLoop();
    }

    /// <summary>Sends a stream-wide bookmark if every watch of the stream is synced. Caller holds <c>_mu</c>.</summary>
    private bool TrySendStreamProgress(WatchStream stream)
    {
        if (stream.Closed)
        {
            return true;
        }
        foreach (Watcher w in stream.Watchers.Values)
        {
            if (w.State != WatcherState.Synced)
            {
                return false;
            }
        }
        stream.EnqueueControl(new WatchResponse(WatchResponse.StreamWatchId, WatchResponseKind.Progress, _notifiedRevision, default, 0, false));
        return true;
    }

    /// <summary>Removes a watcher from its group and its stream. Caller holds <c>_mu</c>.</summary>
    private void Close(Watcher watcher)
    {
        switch (watcher.State)
        {
            case WatcherState.Synced:
                _synced.Remove(watcher);
                break;
            case WatcherState.Unsynced:
                _unsynced.Remove(watcher);
                break;
            case WatcherState.Victim:
                _victims.Remove(watcher);
                break;
        }
        watcher.State = WatcherState.Closed;
        watcher.Stream.Watchers.Remove(watcher.Id);
    }

    private static void Move(Watcher watcher, WatcherGroup from, WatcherGroup to, WatcherState state)
    {
        from.Remove(watcher);
        to.Add(watcher);
        watcher.State = state;
    }

    /// <summary>Adapts the store's writer callback without making it part of the public surface.</summary>
    private sealed class Listener(WatchableStore hub) : IChangeListener
    {
        public void OnCommit(long revision, List<Change> changes) => hub.OnCommit(revision, changes);
    }
}

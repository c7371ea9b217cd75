using System.Threading.Channels;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// The background loop that moves victims and unsynced watchers back to synced (etcd's syncWatchersLoop
/// and syncVictimsLoop in one) and sends periodic progress. It runs every
/// <see cref="StoreOptions.WatchResyncPeriod"/>, and at once when woken (a new unsynced watcher, a new
/// victim, a reader making room).
/// </summary>
public sealed partial class WatchableStore
{
    /// <summary>Wake-ups for the loop; capacity one, so many signals before it runs coalesce. Completed on dispose.</summary>
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long _lastProgressTimestamp;
    /// <summary>Set when the loop failed; guarded by <c>_mu</c>.</summary>
    private Exception? _fault;

    internal void WakeSyncLoop() => _wakeups.Writer.TryWrite(true);

    private async Task RunSyncLoopAsync()
    {
        TimeProvider clock = _options.TimeProvider;
        while (true)
        {
            Task<bool> woken = _wakeups.Reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(woken, Task.Delay(_options.WatchResyncPeriod, clock));
            if (woken.IsCompleted && !await woken)
            {
                return;   // disposed
            }
            _wakeups.Reader.TryRead(out _);
            try
            {
                SyncVictims();
                while (SyncUnsynced())
                {
                    // More unsynced watchers than one pass takes: keep going.
                }
                SendProgress();
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }
        }
    }

    /// <summary>
    /// A failure in the loop is a broken invariant, and no watcher can be trusted to catch up any more:
    /// every stream ends with the exception (its reader's next read throws it) and new watches are refused.
    /// The key-value store itself is unaffected.
    /// </summary>
    private void Fail(Exception e)
    {
        lock (_mu)
        {
            _fault = e;
            foreach (Watcher w in _synced.All.Concat(_unsynced.All).Concat(_victims).ToList())
            {
                WatchStream stream = w.Stream;
                Close(w);
                stream.Complete(e);
            }
        }
    }

    /// <summary>Retries each victim's pending response; a delivered victim goes on from history or straight to synced.</summary>
    private void SyncVictims()
    {
        lock (_mu)
        {
            long current = _kv.CurrentRevision;
            for (int i = _victims.Count - 1; i >= 0; i--)
            {
                Watcher w = _victims[i];
                if (!w.Stream.TryEnqueueEvents(w.Pending))
                {
                    continue;
                }
                w.Pending = default;
                _victims.RemoveAt(i);
                bool behind = w.MinRevision <= current;
                (behind ? _unsynced : _synced).Add(w);
                w.State = behind ? WatcherState.Unsynced : WatcherState.Synced;
            }
        }
    }

    /// <summary>
    /// One catch-up pass over at most <see cref="StoreOptions.MaxWatchersPerSync"/> unsynced watchers whose
    /// streams have room: history from the lowest MinRevision to the current revision is read once, each
    /// change becomes one event shared by every watcher that wants it. Returns true if another pass is due.
    /// </summary>
    private bool SyncUnsynced()
    {
        lock (_mu)
        {
            if (_unsynced.Count == 0)
            {
                return false;
            }
            KvStore kv = _kv;
            long current = kv.CurrentRevision;
            var chosen = new List<Watcher>();
            int skipped = 0;
            foreach (Watcher w in _unsynced.All)
            {
                if (chosen.Count == _options.MaxWatchersPerSync)
                {
                    break;
                }
                if (w.Stream.HasRoom)
                {
                    chosen.Add(w);
                }
                else
                {
                    skipped++;
                }
            }
            CancelCompacted(chosen, kv.CompactRevision);
            if (chosen.Count == 0)
            {
                return false;
            }
            var batches = new CatchUp(chosen, _options.MaxEventsPerResponse);
            bool read = kv.Read(batches, (store, c) => c.Collect(store, current));
            if (!read)
            {
                return true;   // compaction overtook the pass: the next pass cancels the watchers it left behind
            }
            bool again = _unsynced.Count > skipped && chosen.Count == _options.MaxWatchersPerSync;
            foreach (Watcher w in chosen)
            {
                again |= DeliverCatchUp(w, batches, current);
            }
            SendRequestedProgress();
            return again;
        }
    }

    private void CancelCompacted(List<Watcher> chosen, long compact)
    {
        for (int i = chosen.Count - 1; i >= 0; i--)
        {
            Watcher w = chosen[i];
            if (w.MinRevision < compact)
            {
                Close(w);
                w.Stream.EnqueueControl(new WatchResponse(w.Id, WatchResponseKind.Canceled, _notifiedRevision, default, compact, w.PrevKv));
                chosen.RemoveAt(i);
            }
        }
    }

    /// <summary>Hands a watcher its catch-up; true if it has more to read and its stream still has room.</summary>
    private bool DeliverCatchUp(Watcher w, CatchUp batches, long current)
    {
        (List<WatchEvent>? events, long resumeAt) = batches.For(w);
        if (events is { Count: > 0 } && !w.Stream.TryEnqueueEvents(w.EventsResponse(events.ToArray())))
        {
            return false;   // the stream filled up during this pass: stay unsynced, read again when woken
        }
        if (resumeAt > 0)
        {
            w.MinRevision = resumeAt;   // stopped at a revision boundary with a full response
            return w.Stream.HasRoom;
        }
        w.MinRevision = Math.Max(w.MinRevision, current + 1);
        Move(w, _unsynced, _synced, WatcherState.Synced);
        return false;
    }

    private void SendRequestedProgress()
    {
        if (_progressRequested.Count == 0)
        {
            return;
        }
        _progressRequested.RemoveWhere(TrySendStreamProgress);
    }

    /// <summary>Every <see cref="StoreOptions.ProgressNotifyInterval"/>: a bookmark to each synced watcher that asked for them.</summary>
    private void SendProgress()
    {
        lock (_mu)
        {
            SendRequestedProgress();
            TimeProvider clock = _options.TimeProvider;
            if (clock.GetElapsedTime(_lastProgressTimestamp) < _options.ProgressNotifyInterval)
            {
                return;
            }
            _lastProgressTimestamp = clock.GetTimestamp();
            foreach (Watcher w in _synced.All)
            {
                if (w.ProgressNotify)
                {
                    w.Stream.EnqueueControl(new WatchResponse(w.Id, WatchResponseKind.Progress, _notifiedRevision, default, 0, w.PrevKv));
                }
            }
        }
    }

    /// <summary>Stops the sync loop  and ends every watch and stream.</summary>
    public void Dispose()
    {
        _wakeups.Writer.TryComplete();
        lock (_mu)
        {
            foreach (Watcher w in _synced.All.Concat(_unsynced.All).Concat(_victims).ToList())
            {
                WatchStream stream = w.Stream;
                Close(w);
                stream.Complete();
            }
        }
    }
}

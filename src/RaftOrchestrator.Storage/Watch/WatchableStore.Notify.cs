using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

public sealed partial class WatchableStore
{
    /// <summary>Scratch lists of the writer's thread; used only under <c>_mu</c> inside <see cref="OnCommit"/>.</summary>
    private readonly List<Watcher> _matches = [];
    private readonly List<Watcher> _touched = [];
    private readonly Dictionary<Watcher, List<WatchEvent>> _perWatcher = new(ReferenceEqualityComparer.Instance);
    private readonly List<Watcher> _newVictims = [];

    /// <summary>
    /// Fans revision <paramref name="revision"/> out to the synced watchers (writer's thread). Each change
    /// becomes one <see cref="WatchEvent"/> shared by every receiver; when a watcher wants every event of the
    /// revision (the usual case: one change per revision), the same array is shared too, so a watcher costs
    /// one range check and one enqueue.
    /// </summary>
    private void OnCommit(long revision, List<Change> changes)
    {
        lock (_mu)
        {
            if (_synced.Count > 0)
            {
                if (changes.Count == 1)
                {
                    NotifySingle(revision, changes[0]);
                }
                else
                {
                    var events = new WatchEvent[changes.Count];
                    for (int i = 0; i < events.Length; i++)
                    {
                        Change c = changes[i];
                        events[i] = WatchEvent.From(c.Key.Key, c.Version, c.Previous, c.HasPrevious);
                    }
                    NotifyMany(revision, events);
                }
                foreach (Watcher victim in _newVictims)
                {
                    _synced.Remove(victim);
                    _victims.Add(victim);
                    victim.State = WatcherState.Victim;
                }
                if (_newVictims.Count > 0)
                {
                    _newVictims.Clear();
                    WakeSyncLoop();
                }
            }
            _notifiedRevision = revision;
        }
    }

    /// <summary>One change: the event (and its one-element array) is made only if some watcher matches the key.</summary>
    private void NotifySingle(long revision, in Change change)
    {
        _matches.Clear();
        _synced.CollectMatching(change.Key.Key, _matches);
        if (_matches.Count == 0)
        {
            return;
        }
        WatchEvent[] events = [WatchEvent.From(change.Key.Key, change.Version, change.Previous, change.HasPrevious)];
        foreach (Watcher w in _matches)
        {
            if (w.MinRevision <= revision && w.Wants(events[0]))
            {
                Send(w, events, revision);
            }
        }
    }

    private void NotifyMany(long revision, WatchEvent[] events)
    {
        foreach (WatchEvent e in events)
        {
            _matches.Clear();
            _synced.CollectMatching(e.Kv.Key.Span, _matches);
            foreach (Watcher w in _matches)
            {
                if (w.MinRevision > revision || !w.Wants(e))
                {
                    continue;
                }
                if (!_perWatcher.TryGetValue(w, out List<WatchEvent>? list))
                {
                    list = [];
                    _perWatcher.Add(w, list);
                    _touched.Add(w);
                }
                list.Add(e);
            }
        }
        foreach (Watcher w in _touched)
        {
            List<WatchEvent> list = _perWatcher[w];
            Send(w, list.Count == events.Length ? events : [.. list], revision);
        }
        _touched.Clear();
        _perWatcher.Clear();
    }

    private void Send(Watcher w, WatchEvent[] events, long revision)
    {
        WatchResponse response = w.EventsResponse(events);
        w.MinRevision = revision + 1;
        if (!w.Queue.TryEnqueue(response, w.Capacity))
        {
            w.Pending = response;
            _newVictims.Add(w);
        }
    }
}

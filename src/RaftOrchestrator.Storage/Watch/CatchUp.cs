using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// The events one sync pass reads from history for a set of unsynced watchers. Each watcher's events
/// are capped at about <c>maxEvents</c>, cut only at a revision boundary, so a response always holds
/// whole revisions. Built under the hub's lock and the store's read lock; used by one pass only.
/// </summary>
internal sealed class CatchUp(List<Watcher> watchers, int maxEvents)
{
    private readonly Dictionary<Watcher, (List<WatchEvent>? Events, long ResumeAt)> _result = new(ReferenceEqualityComparer.Instance);
    /// <summary>Watchers whose response reached the cap inside the revision being read.</summary>
    private readonly List<Watcher> _atCap = [];

    public (List<WatchEvent>? Events, long ResumeAt) For(Watcher w) => _result.TryGetValue(w, out var r) ? r : (null, 0);

    /// <summary>Reads history up to <paramref name="current"/>; false if compaction has passed some watcher's position.</summary>
    public bool Collect(KvStore store, long current)
    {
        long from = long.MaxValue;
        var group = new WatcherGroup();
        foreach (Watcher w in watchers)
        {
            from = Math.Min(from, w.MinRevision);
            group.Add(w);
        }
        if (from < store.CompactRevision)
        {
            return false;
        }
        var matches = new List<Watcher>();
        RevisionLog.Changes changes = store.Log.Between(from, current);
        long revision = 0;
        while (changes.MoveNext())
        {
            Revision rev = changes.Current;
            KeyIndex key = changes.CurrentKey;
            if (rev.Main != revision)
            {
                revision = rev.Main;
                StopFullWatchers(revision);
            }
            matches.Clear();
            group.CollectMatching(key.Key, matches);
            WatchEvent? e = null;
            foreach (Watcher w in matches)
            {
                if (w.MinRevision > rev.Main || (_result.TryGetValue(w, out var r) && r.ResumeAt > 0))
                {
                    continue;
                }
                if (e is null)
                {
                    if (!key.TryFind(rev, out KeyVersion v, out KeyVersion prev, out bool hasPrev))
                    {
                        throw new InvalidOperationException($"Revision log names {rev} but its key has no such version.");
                    }
                    e = WatchEvent.From(key.Key, v, prev, hasPrev);
                }
                if (!w.Wants(e))
                {
                    continue;
                }
                if (!_result.TryGetValue(w, out var entry) || entry.Events is null)
                {
                    entry = ([], 0);
                }
                entry.Events!.Add(e);
                _result[w] = entry;
                if (entry.Events.Count == maxEvents)
                {
                    _atCap.Add(w);
                }
            }
        }
        return true;
    }

    /// <summary>At the start of <paramref name="revision"/>: watchers already holding a full response stop and resume there.</summary>
    private void StopFullWatchers(long revision)
    {
        foreach (Watcher w in _atCap)
        {
            _result[w] = (_result[w].Events, revision);
        }
        _atCap.Clear();
    }
}

using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// etcd's watch guarantees over the recorded streams, cross-checked with the KV history:
/// - ordered: within a stream, event revisions never decrease;
/// - unique: no (revision, key) twice in a stream;
/// - atomic: the events of one revision are contiguous, and a watcher that saw a revision saw every event of it on
///   its keys that any other watcher saw;
/// - agreed: every watcher that saw (revision, key) saw the same type and value, and so does the acknowledged write
///   that got that revision;
/// - reliable (no gaps): every acknowledged write on a watched key whose revision lies in a range the stream covered
///   (from its start revision up to its last event or progress notification) was delivered, unless a compaction
///   above it was reported on that stream;
/// - resumable: a reconnect starts at the last seen revision + 1 (or, after a progress notification, anywhere up to
///   the notified revision + 1; after a compaction error, at or above the compaction);
/// - nothing below a start revision or a reported compaction.
/// </summary>
public static class WatchChecker
{
    public const string Name = "watch";

    /// <summary>Violations listed in a failure's excerpt; the rest are counted.</summary>
    private const int MaxListed = 10;

    public static CheckVerdict Check(IEnumerable<WatchRecord> watch, IEnumerable<Operation> history)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(history);
        var writes = new AcknowledgedWrites(history);
        var violations = new List<string>(writes.Conflicts);

        var streams = new Dictionary<int, WatchStreamCheck>();
        var order = new List<WatchStreamCheck>();
        foreach (WatchRecord record in watch)
        {
            if (!streams.TryGetValue(record.WatcherId, out WatchStreamCheck? stream))
            {
                streams[record.WatcherId] = stream = new WatchStreamCheck(record.WatcherId, violations);
                order.Add(stream);
            }
            stream.Accept(record, writes);
        }
        if (order.Count == 0) return CheckVerdict.Inconclusive(Name, "no watch records");

        CheckAgreementAndAtomicity(order, violations);
        foreach (WatchStreamCheck stream in order) stream.CheckGaps(writes);

        int events = order.Sum(s => s.EventCount);
        if (violations.Count == 0)
        {
            return CheckVerdict.Pass(Name, $"{order.Count} watchers, {events} events, no gaps against {writes.All.Count()} acknowledged writes");
        }
        string excerpt = string.Join('\n', violations.Take(MaxListed))
            + (violations.Count > MaxListed ? $"\n… and {violations.Count - MaxListed} more" : "");
        return CheckVerdict.Fail(Name, $"{violations.Count} violations over {order.Count} watchers", excerpt);
    }

    private static void CheckAgreementAndAtomicity(List<WatchStreamCheck> streams, List<string> violations)
    {
        // The first watcher to report (revision, key) is the reference for everyone else.
        var seen = new Dictionary<(long Revision, string Key), WatchRecord>();
        foreach (WatchStreamCheck stream in streams)
        {
            foreach (WatchRecord e in stream.Events)
            {
                if (!seen.TryAdd((e.ModRevision, e.Key!), e) && seen[(e.ModRevision, e.Key!)] is var first
                    && (first.Type != e.Type || !string.Equals(first.Value, e.Value, StringComparison.Ordinal)))
                {
                    violations.Add($"watchers disagree on revision {e.ModRevision}:\n    {first}\n    {e}");
                }
            }
        }
        var keysByRevision = seen.Keys.GroupBy(k => k.Revision).ToDictionary(g => g.Key, g => g.Select(k => k.Key).ToArray());
        foreach (WatchStreamCheck stream in streams)
        {
            foreach (long revision in stream.Revisions)
            {
                foreach (string key in keysByRevision[revision])
                {
                    if (stream.Watches(key) && !stream.Saw(revision, key))
                    {
                        WatchRecord other = seen[(revision, key)];
                        violations.Add($"non-atomic revision {revision}: watcher {stream.WatcherId} saw it without {key}, which watcher {other.WatcherId} saw:\n    {other}");
                    }
                }
            }
        }
    }
}

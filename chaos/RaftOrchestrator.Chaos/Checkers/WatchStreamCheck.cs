using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// The per-stream half of <see cref="WatchChecker"/>: walks one watcher's records in received order, reports order,
/// duplicate, start and resume violations as it goes, and remembers the ranges it covered for the gap check.
/// </summary>
internal sealed class WatchStreamCheck(int watcherId, List<string> violations)
{
    /// <summary>One connection: from StartRevision, covering revisions up to CoveredTo (its last event or progress).</summary>
    private sealed record Segment(string Key, bool IsPrefix, long StartRevision)
    {
        public long CoveredTo { get; set; } = StartRevision - 1;

        public long CompactRevision { get; set; }
    }

    private readonly List<Segment> _segments = [];
    private readonly HashSet<(long Revision, string Key)> _seen = [];
    private readonly List<(string Key, bool IsPrefix)> _specs = [];
    private Segment? _current;
    private WatchRecord? _previous;
    private long _lastRevision;
    private long _progressRevision;
    private long _compactRevision;
    private bool _compactedSinceConnect;

    public int WatcherId { get; } = watcherId;

    public List<WatchRecord> Events { get; } = [];

    public IEnumerable<long> Revisions => _seen.Select(s => s.Revision).Distinct();

    public int EventCount => Events.Count;

    public bool Saw(long revision, string key) => _seen.Contains((revision, key));

    public bool Watches(string key) => _specs.Any(s => Matches(s.Key, s.IsPrefix, key));

    public void Accept(WatchRecord record, AcknowledgedWrites writes)
    {
        switch (record.Kind)
        {
            case WatchRecordKind.Connect:
                Connect(record);
                break;
            case WatchRecordKind.Event:
                Event(record, writes);
                break;
            case WatchRecordKind.Progress:
                if (record.Revision < _lastRevision)
                {
                    Violation($"progress notification at {record.Revision} below the last event at {_lastRevision}", record);
                }
                _progressRevision = Math.Max(_progressRevision, record.Revision);
                if (_current is not null) _current.CoveredTo = Math.Max(_current.CoveredTo, record.Revision);
                break;
            case WatchRecordKind.Compacted:
                _compactRevision = Math.Max(_compactRevision, record.CompactRevision);
                if (_current is not null) _current.CompactRevision = Math.Max(_current.CompactRevision, record.CompactRevision);
                _compactedSinceConnect = true;
                _current = null;
                break;
            case WatchRecordKind.Error:
                _current = null;
                break;
        }
        _previous = record;
    }

    /// <summary>Every acknowledged write on this stream's key(s) inside a covered range was delivered.</summary>
    public void CheckGaps(AcknowledgedWrites writes)
    {
        foreach (Operation write in writes.All.OrderBy(w => w.Output!.Revision))
        {
            long revision = write.Output!.Revision!.Value;
            if (Saw(revision, write.Key)) continue;
            Segment? covering = _segments.FirstOrDefault(s => Matches(s.Key, s.IsPrefix, write.Key)
                && s.StartRevision <= revision && revision <= s.CoveredTo && revision >= s.CompactRevision);
            if (covering is not null)
            {
                violations.Add($"gap: watcher {WatcherId} covered revisions {covering.StartRevision}..{covering.CoveredTo} of {covering.Key} but missed the acknowledged write at {revision}:\n    {write}");
            }
        }
    }

    private void Connect(WatchRecord record)
    {
        string key = record.Key ?? "";
        if (_segments.Count > 0)
        {
            // A resume: from last seen + 1, or up to what a progress notification vouched for, or after a
            // compaction error at or above the compaction (the watcher re-listed).
            long earliest = _lastRevision + 1;
            long latest = Math.Max(_lastRevision, _progressRevision) + 1;
            if (_compactedSinceConnect)
            {
                if (record.StartRevision < _compactRevision)
                {
                    Violation($"resumed from {record.StartRevision}, below the reported compaction at {_compactRevision}", record);
                }
            }
            else if (record.StartRevision < earliest || record.StartRevision > latest)
            {
                Violation(earliest == latest
                    ? $"resumed from {record.StartRevision}, expected {earliest} (last seen revision + 1)"
                    : $"resumed from {record.StartRevision}, expected {earliest}..{latest} (last seen or notified revision + 1)", record);
            }
        }
        _current = new Segment(key, record.IsPrefix, record.StartRevision);
        _segments.Add(_current);
        if (!_specs.Contains((key, record.IsPrefix))) _specs.Add((key, record.IsPrefix));
        _compactedSinceConnect = false;
    }

    private void Event(WatchRecord e, AcknowledgedWrites writes)
    {
        string key = e.Key ?? "";
        long revision = e.ModRevision;
        if (_current is null)
        {
            Violation("event outside a connected stream", e);
            return;
        }
        if (!Matches(_current.Key, _current.IsPrefix, key)) Violation($"event for {key}, which the stream does not watch", e);
        if (revision < _current.StartRevision) Violation($"event below the stream's start revision {_current.StartRevision}", e);
        if (revision < _compactRevision) Violation($"event below the reported compaction at {_compactRevision}", e);

        if (_seen.Contains((revision, key)))
        {
            Violation($"duplicate event (revision {revision}, {key})", e);
        }
        else if (revision < _lastRevision)
        {
            Violation(_seen.Any(s => s.Revision == revision)
                ? $"non-atomic revision {revision}: its events are split around revision {_lastRevision}"
                : $"out of order: revision {revision} after {_lastRevision}", e);
        }
        else if (revision == _lastRevision && _previous is { Kind: not WatchRecordKind.Event })
        {
            Violation($"non-atomic revision {revision}: its events are split by a {_previous.Kind} record", e);
        }

        if (writes.TryGet(revision, out Operation write))
        {
            if (!string.Equals(write.Key, key, StringComparison.Ordinal))
            {
                Violation($"revision {revision} was acknowledged for {write.Key}, not {key}:\n    {write}", e);
            }
            else if (e.Type != WatchEventType.Put || !AcknowledgedWrites.ValueMatches(write, e.Value))
            {
                Violation($"event differs from the acknowledged write at revision {revision}:\n    {write}", e);
            }
        }

        _seen.Add((revision, key));
        Events.Add(e);
        _lastRevision = Math.Max(_lastRevision, revision);
        _current.CoveredTo = Math.Max(_current.CoveredTo, revision);
    }

    private void Violation(string what, WatchRecord record)
    {
        string context = _previous is null ? "" : $"\n    after {_previous}";
        violations.Add($"watcher {WatcherId}: {what}\n    at {record}{context}");
    }

    private static bool Matches(string watched, bool isPrefix, string key) => isPrefix
        ? key.StartsWith(watched, StringComparison.Ordinal)
        : string.Equals(watched, key, StringComparison.Ordinal);
}

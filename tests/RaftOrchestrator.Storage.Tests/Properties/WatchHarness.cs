using System.Globalization;
using System.Text;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Opens, cancels and reads the watches of a <see cref="WatchScenario"/> on up to three streams, records
/// every response, and finally checks each watch's stream of responses against the model's history.
/// </summary>
internal sealed class WatchHarness(WatchableStore hub, MvccModel model) : IDisposable
{
    private const int StreamCount = 3;

    private readonly WatchStream?[] _streams = new WatchStream?[StreamCount];
    /// <summary>Per stream, every response in the order it was read.</summary>
    private readonly List<WatchResponse>[] _log = [[], [], []];
    private readonly List<ProgressRequest>[] _requests = [[], [], []];
    /// <summary>Per stream, where the first bookmark at the final revision was read (-1: not yet).</summary>
    private readonly int[] _finalBookmark = [-1, -1, -1];
    private readonly List<WatchRecord> _watches = [];
    private readonly List<string> _problems = [];
    /// <summary>Set once the history is over and every watcher synced: a bookmark read from then on at the final revision is final.</summary>
    private bool _finishing;

    public void Create(CreateWatchOp op)
    {
        WatchStream stream = _streams[op.Stream] ??= hub.NewWatchStream();
        long current = model.CurrentRevision, compact = model.CompactRevision;
        long start = op.ResolveStart(current, compact);
        WatchCreateResult created = stream.Watch(new WatchRequest(op.Range.ToKeyRange())
        {
            StartRevision = start,
            NoPut = op.NoPut,
            NoDelete = op.NoDelete,
            PrevKv = op.PrevKv,
        });
        if (created.Status != StoreStatus.Ok)
        {
            _problems.Add($"{op} with start {start}: Watch answered {created.Status}");
            return;
        }
        if (_watches.Any(w => w.Op.Stream == op.Stream && w.Id == created.WatchId))
        {
            _problems.Add($"{op}: watch id {created.WatchId} handed out twice on stream {op.Stream}");
            return;
        }
        _watches.Add(new WatchRecord(op, created.WatchId, start, current, compact));
    }

    public void Cancel(CancelWatchOp op)
    {
        if (_watches.Count == 0)
        {
            return;
        }
        WatchRecord w = _watches[op.Ordinal % _watches.Count];
        if (w.CanceledAtCreation || w.CancelRequestedAt is not null)
        {
            return;
        }
        w.CancelAccepted = _streams[w.Op.Stream]!.Cancel(w.Id);
        w.CancelRequestedAt = model.CurrentRevision;
    }

    public void RequestProgress(RequestProgressOp op)
    {
        if (_streams[op.Stream] is { } stream)
        {
            _requests[op.Stream].Add(new ProgressRequest(model.CurrentRevision, _watches.Count));
            stream.RequestProgress();
        }
    }

    public void OnCompacted(long revision)
    {
        foreach (WatchRecord w in _watches)
        {
            w.Compactions.Add(revision);
        }
    }

    /// <summary>Reads whatever is queued on every stream, without waiting.</summary>
    public void Drain()
    {
        for (int i = 0; i < StreamCount; i++)
        {
            while (_streams[i] is { } stream && stream.TryRead(out WatchResponse response))
            {
                Record(i, response);
            }
        }
    }

    /// <summary>Reads until no watcher is unsynced or a victim (before a compaction, so that none can be left behind by it).</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Drain();
            (_, int unsynced, int victims) = hub.WatcherCounts;
            if (unsynced == 0 && victims == 0)
            {
                return;
            }
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>
    /// Ends the history: waits until every watcher is synced (so everything it is owed has been queued) and reads it,
    /// then asks every stream for a bookmark and reads up to one at the final revision. Sent with every watcher synced
    /// after the last write, such a bookmark vouches for every watch; a bookmark read before could predate the
    /// creation of a watch that catches up from history.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await SettleAsync(cancellationToken);
        _finishing = true;
        for (int i = 0; i < StreamCount; i++)
        {
            if (_streams[i] is { } stream)
            {
                _requests[i].Add(new ProgressRequest(model.CurrentRevision, _watches.Count));
                stream.RequestProgress();
            }
        }
        for (int i = 0; i < StreamCount; i++)
        {
            while (_streams[i] is { } stream && _finalBookmark[i] < 0)
            {
                Record(i, await stream.ReadAsync(cancellationToken));
            }
        }
        Drain();   // only bookmarks may follow the final one (see VerifyStream)
    }

    /// <summary>Checks every stream and watch; fails with all the problems found.</summary>
    public void Verify(bool settledBeforeCompactions)
    {
        for (int i = 0; i < StreamCount; i++)
        {
            if (_streams[i] is not null)
            {
                VerifyStream(i);
            }
        }
        foreach (WatchRecord w in _watches)
        {
            VerifyWatch(w, settledBeforeCompactions);
        }
        if (_problems.Count > 0)
        {
            Assert.Fail($"{_problems.Count} watch problem(s):\n- {string.Join("\n- ", _problems)}\n{Describe()}");
        }
    }

    public string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"store at revision {model.CurrentRevision}, compacted at {model.CompactRevision}; "
            + $"hub (synced, unsynced, victims) = {hub.WatcherCounts}");
        foreach (WatchRecord w in _watches)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{w}: {Expected(w).Count} events expected, {w.Responses.Count} responses received");
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        foreach (WatchStream? stream in _streams)
        {
            stream?.Dispose();
        }
    }

    private void Record(int stream, WatchResponse response)
    {
        _log[stream].Add(response);
        if (response.WatchId == WatchResponse.StreamWatchId)
        {
            if (_finishing && _finalBookmark[stream] < 0 && response.Revision >= model.CurrentRevision)
            {
                _finalBookmark[stream] = _log[stream].Count - 1;
            }
            return;
        }
        WatchRecord? w = _watches.Find(x => x.Op.Stream == stream && x.Id == response.WatchId);
        if (w is null)
        {
            _problems.Add($"stream {stream}: response for unknown watch: {Describe(response)}");
            return;
        }
        w.Responses.Add(response);
    }

    /// <summary>
    /// Bookmarks: the k-th answers the k-th request or a later one (requests made while a bookmark is pending share
    /// it), so its revision is at least that request's, and every event up to its revision of every watch that existed
    /// at that request was read before it (unless the watch was cancelled before it). Nothing but bookmarks may follow
    /// the final one, whose revision is the final revision.
    /// </summary>
    private void VerifyStream(int stream)
    {
        List<WatchResponse> log = _log[stream];
        List<ProgressRequest> requests = _requests[stream];
        var delivered = new Dictionary<long, int>();
        var cancelled = new HashSet<long>();
        int bookmarks = 0;
        for (int p = 0; p < log.Count; p++)
        {
            WatchResponse r = log[p];
            if (r.WatchId != WatchResponse.StreamWatchId)
            {
                if (_finalBookmark[stream] >= 0 && p > _finalBookmark[stream])
                {
                    _problems.Add($"stream {stream}: response after the final bookmark: {Describe(r)}");
                }
                delivered[r.WatchId] = delivered.GetValueOrDefault(r.WatchId) + r.Events.Length;
                if (r.Kind == WatchResponseKind.Canceled)
                {
                    cancelled.Add(r.WatchId);
                }
                continue;
            }
            if (r.Kind != WatchResponseKind.Progress || bookmarks >= requests.Count || r.Revision > model.CurrentRevision
                || r.Revision < requests[bookmarks].Revision)
            {
                _problems.Add($"stream {stream}: bookmark #{bookmarks} {Describe(r)} does not answer request "
                    + $"{(bookmarks < requests.Count ? requests[bookmarks].ToString() : "(none left)")}");
                bookmarks++;
                continue;
            }
            ProgressRequest request = requests[bookmarks++];
            foreach (WatchRecord w in _watches.Take(request.WatchesCreated))
            {
                if (w.Op.Stream != stream || w.CanceledAtCreation || cancelled.Contains(w.Id))
                {
                    continue;
                }
                int due = Expected(w).Count(e => e.Main <= r.Revision);
                if (delivered.GetValueOrDefault(w.Id) < due)
                {
                    _problems.Add($"stream {stream}: bookmark at revision {r.Revision} (asked at {request.Revision}) read after only "
                        + $"{delivered.GetValueOrDefault(w.Id)} of the {due} events up to it of {w}");
                }
            }
        }
        if (_finalBookmark[stream] < 0)
        {
            _problems.Add($"stream {stream}: no bookmark at the final revision {model.CurrentRevision}");
        }
    }

    private List<ModelEvent> Expected(WatchRecord w) =>
        [.. model.Events(w.EffectiveStart).Where(e => w.Op.Range.Contains(e.Kv.Key) && (e.IsDelete ? !w.Op.NoDelete : !w.Op.NoPut))];

    private void VerifyWatch(WatchRecord w, bool settledBeforeCompactions)
    {
        string responses = string.Join("\n      ", w.Responses.Select(Describe));
        if (w.CanceledAtCreation)
        {
            if (w.Responses is not [{ Kind: WatchResponseKind.Canceled, Events.IsEmpty: true } only]
                || only.CompactRevision != w.CompactAtCreation)
            {
                _problems.Add($"{w}: start below the compaction point, expected exactly one Canceled response "
                    + $"with CompactRevision {w.CompactAtCreation}, got:\n      {responses}");
            }
            return;
        }

        List<ModelEvent> expected = Expected(w);
        var delivered = new List<ModelEvent>();
        WatchResponse? cancel = null;
        long lastMain = 0;
        foreach (WatchResponse r in w.Responses)
        {
            if (cancel is not null)
            {
                _problems.Add($"{w}: response after its Canceled response: {Describe(r)}");
                break;
            }
            if (r.Kind == WatchResponseKind.Canceled && r.Events.IsEmpty)
            {
                cancel = r;
                continue;
            }
            ReadOnlySpan<WatchEvent> events = r.Events.Span;
            if (r.Kind != WatchResponseKind.Events || events.IsEmpty || r.CompactRevision != 0)
            {
                _problems.Add($"{w}: malformed response {Describe(r)}");
                continue;
            }
            if (events[0].Revision.Main <= lastMain)
            {
                _problems.Add($"{w}: a response starts at revision {events[0].Revision.Main} after one ending at {lastMain} "
                    + "(a revision split across responses, or out of order)");
            }
            if (r.Revision != events[^1].Revision.Main || r.PrevKv != w.Op.PrevKv)
            {
                _problems.Add($"{w}: response header does not match its events or request: {Describe(r)}");
            }
            foreach (WatchEvent e in events)
            {
                delivered.Add(Observed.Event(e));
            }
            lastMain = events[^1].Revision.Main;
        }

        string expectedText = string.Join("\n      ", expected);
        string deliveredText = string.Join("\n      ", delivered);
        if (cancel is null)
        {
            if (w.CancelRequestedAt is not null)
            {
                _problems.Add($"{w}: cancelled by the client but no Canceled response");
            }
            if (!string.Equals(expectedText, deliveredText, StringComparison.Ordinal))
            {
                _problems.Add($"{w}: events differ from the model's\n    expected:\n      {expectedText}\n"
                    + $"    delivered:\n      {deliveredText}\n    responses:\n      {responses}");
            }
            return;
        }

        // Cancelled: what was delivered must be a prefix of the expected events, cut at a revision boundary.
        bool prefix = delivered.Count <= expected.Count
            && delivered.Select(e => e.ToString()).SequenceEqual(expected.Take(delivered.Count).Select(e => e.ToString()));
        bool boundary = delivered.Count == 0 || delivered.Count == expected.Count || expected[delivered.Count].Main != delivered[^1].Main;
        if (!prefix || !boundary)
        {
            _problems.Add($"{w}: events before the cancel are not a whole-revision prefix of the model's\n"
                + $"    expected:\n      {expectedText}\n    delivered:\n      {deliveredText}");
        }
        long compactedAt = cancel.Value.CompactRevision;
        if (compactedAt == 0)
        {
            if (w.CancelRequestedAt is not { } at || !w.CancelAccepted)
            {
                _problems.Add($"{w}: Canceled without CompactRevision although the client did not cancel it:\n      {responses}");
            }
            else if (lastMain > at)
            {
                _problems.Add($"{w}: an event of revision {lastMain} after a cancel at revision {at}");
            }
            return;
        }
        long needed = Math.Max(w.EffectiveStart, lastMain + 1);
        if (settledBeforeCompactions || w.CancelAccepted || !w.Compactions.Contains(compactedAt) || compactedAt <= needed)
        {
            _problems.Add($"{w}: cancelled as compacted at {compactedAt} (compactions while open [{string.Join(", ", w.Compactions)}], "
                + $"settled before compactions {settledBeforeCompactions}) though it still could read from revision {needed}:\n      {responses}");
        }
    }

    private static string Describe(WatchResponse r)
    {
        string events = string.Join(", ",
            r.Events.ToArray().Select(e => $"{(e.Type == WatchEventType.Delete ? "DEL" : "PUT")}@{e.Revision}"));
        return $"{r.Kind} id {r.WatchId} rev {r.Revision} compact {r.CompactRevision} prevKv {r.PrevKv} [{events}]";
    }
}

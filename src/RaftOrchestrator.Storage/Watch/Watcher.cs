using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// One watch. Every mutable field is guarded by the hub's lock (<c>WatchableStore._mu</c>).
/// Invariant: every event of the watcher's range with revision below <see cref="MinRevision"/> (and at or
/// above its start) has been handed to the stream, or is held in <see cref="Pending"/> while a victim.
/// </summary>
internal sealed class Watcher(long id, WatchStream stream, int capacity, in WatchRequest request)
{
    public long Id { get; } = id;

    public WatchStream Stream { get; } = stream;

    /// <summary>The stream's queue, held directly so that a fan-out touches the watcher and the queue only.</summary>
    public ResponseQueue Queue { get; } = stream.Queue;

    /// <summary>The stream's capacity for unread event responses.</summary>
    public int Capacity { get; } = capacity;

    public KeyRange Range { get; } = request.Range;

    public bool PrevKv { get; } = request.PrevKv;

    public bool NoPut { get; } = request.NoPut;

    public bool NoDelete { get; } = request.NoDelete;

    public bool ProgressNotify { get; } = request.ProgressNotify;

    /// <summary>The next revision this watcher needs.</summary>
    public long MinRevision { get; set; }

    public WatcherState State { get; set; }

    /// <summary>While a victim: the response that did not fit.</summary>
    public WatchResponse Pending { get; set; }

    public bool Wants(WatchEvent e) =>
        (e.Type == WatchEventType.Put ? !NoPut : !NoDelete) && Range.Contains(e.Kv.Key.Span);

    public WatchResponse EventsResponse(ReadOnlyMemory<WatchEvent> events) =>
        new(Id, WatchResponseKind.Events, events.Span[^1].Revision.Main, events, 0, PrevKv);
}

namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// One thing a watcher saw, in the order it received them (the record order within a WatcherId is the stream order;
/// records of different watchers may interleave in any way). One flat record rather than a hierarchy so that a
/// JSON line stays greppable; which fields are set depends on Kind (see <see cref="WatchRecordKind"/>):
/// Member is the member the stream is connected to; Revision the response header revision (Event, Progress);
/// ModRevision the event's own revision, the put's or the delete's (Event; order and gaps use this one);
/// StartRevision the revision a stream was opened from (Connect); CompactRevision the compaction revision the server
/// reported (Compacted); ReceivedTime monotonic ticks of the run's clock.
/// </summary>
public sealed record WatchRecord(
    int WatcherId,
    string Member,
    WatchRecordKind Kind,
    long ReceivedTime,
    string? Key = null,
    bool IsPrefix = false,
    long Revision = 0,
    long ModRevision = 0,
    WatchEventType Type = WatchEventType.Put,
    string? Value = null,
    long StartRevision = 0,
    long CompactRevision = 0,
    string? Error = null)
{
    public static WatchRecord Connect(int watcher, string member, string key, long startRevision, long time, bool isPrefix = false) =>
        new(watcher, member, WatchRecordKind.Connect, time, key, isPrefix, StartRevision: startRevision);

    public static WatchRecord Event(int watcher, string member, string key, long modRevision, string? value, long time,
        WatchEventType type = WatchEventType.Put, long revision = 0) =>
        new(watcher, member, WatchRecordKind.Event, time, key, Revision: revision == 0 ? modRevision : revision,
            ModRevision: modRevision, Type: type, Value: value);

    public static WatchRecord Progress(int watcher, string member, long revision, long time) =>
        new(watcher, member, WatchRecordKind.Progress, time, Revision: revision);

    public static WatchRecord Compacted(int watcher, string member, long compactRevision, long time) =>
        new(watcher, member, WatchRecordKind.Compacted, time, CompactRevision: compactRevision);

    public override string ToString() => Kind switch
    {
        WatchRecordKind.Connect => $"w{WatcherId}@{Member} connect {Key}{(IsPrefix ? "*" : "")} from {StartRevision}",
        WatchRecordKind.Event => $"w{WatcherId}@{Member} {Type.ToString().ToLowerInvariant()} {Key}={Value ?? "∅"} modrev {ModRevision}",
        WatchRecordKind.Progress => $"w{WatcherId}@{Member} progress {Revision}",
        WatchRecordKind.Compacted => $"w{WatcherId}@{Member} compacted at {CompactRevision}",
        _ => $"w{WatcherId}@{Member} error {Error}",
    };
}

using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// One etcd WatchResponse about to be written: control fields, and for an event response the shared events
/// whose cached encodings (<see cref="WatchEvent.GetEncoded"/>) are copied into the message as they are.
/// </summary>
internal sealed record WatchFrame(
    ulong ClusterId,
    ulong MemberId,
    long Revision,
    ulong RaftTerm,
    long WatchId,
    bool Created = false,
    bool Canceled = false,
    long CompactRevision = 0,
    string CancelReason = "")
{
    public ReadOnlyMemory<WatchEvent> Events { get; init; }

    public bool PrevKv { get; init; }
}

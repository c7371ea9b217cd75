namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// What a <see cref="WatchStream"/> delivers. For <see cref="WatchResponseKind.Events"/>, <see cref="Events"/>
/// holds whole revisions in order, and <see cref="Revision"/> is the revision of the last one. A progress
/// response for the whole stream (from <see cref="WatchStream.RequestProgress"/>) has <see cref="WatchId"/> -1.
/// <see cref="Events"/> may be shared with other watchers' responses: never write to it.
/// </summary>
public readonly record struct WatchResponse(
    long WatchId,
    WatchResponseKind Kind,
    long Revision,
    ReadOnlyMemory<WatchEvent> Events,
    long CompactRevision,
    bool PrevKv)
{
    public const long StreamWatchId = -1;
}

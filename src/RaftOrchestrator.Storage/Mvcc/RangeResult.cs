namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The answer to a <see cref="RangeRequest"/>. <see cref="Revision"/> is the revision read at.
/// On <see cref="StoreStatus.Compacted"/>, <see cref="CompactRevision"/> says where history starts.
/// </summary>
public readonly record struct RangeResult(
    StoreStatus Status,
    KeyValue[] Kvs,
    long Count,
    bool More,
    long Revision,
    long CompactRevision)
{
    internal static RangeResult Failed(StoreStatus status, long currentRevision, long compactRevision) =>
        new(status, [], 0, false, currentRevision, compactRevision);
}

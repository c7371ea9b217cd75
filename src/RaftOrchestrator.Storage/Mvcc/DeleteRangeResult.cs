namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>The outcome of a delete: how many live keys it removed, and their last versions if asked for.</summary>
public readonly record struct DeleteRangeResult(StoreStatus Status, long Revision, long Deleted, KeyValue[] PrevKvs);

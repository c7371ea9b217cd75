namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>The outcome of a put: the revision it was written at, and the version it replaced if asked for.</summary>
public readonly record struct PutResult(StoreStatus Status, long Revision, KeyValue? PrevKv);

using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>The answer to <see cref="WatchStream.Watch"/>: the id of the new watch, or why there is none.</summary>
public readonly record struct WatchCreateResult(StoreStatus Status, long WatchId);

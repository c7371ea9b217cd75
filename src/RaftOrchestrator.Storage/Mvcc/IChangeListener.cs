namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// Told of every committed revision, in order, on the writer's thread, after the store's write lock is
/// released and before the next write starts. the list of changes is the store's reusable buffer:
/// valid only during the call.
/// </summary>
internal interface IChangeListener
{
    void OnCommit(long revision, List<Change> changes);
}

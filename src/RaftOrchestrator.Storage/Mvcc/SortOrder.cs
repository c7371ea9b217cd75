namespace RaftOrchestrator.Storage.Mvcc;

public enum SortOrder
{
    None = 0,
    Ascend,
    Descend,
}

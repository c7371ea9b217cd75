namespace RaftOrchestrator.Storage.Mvcc;

public enum SortTarget
{
    Key = 0,
    Version,
    Create,
    Mod,
    Value,
}

namespace RaftOrchestrator.Storage.Mvcc;

public enum ResponseOpKind
{
    Range = 0,
    Put,
    DeleteRange,
}

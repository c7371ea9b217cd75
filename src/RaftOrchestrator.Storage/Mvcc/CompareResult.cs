namespace RaftOrchestrator.Storage.Mvcc;

public enum CompareResult
{
    Equal = 0,
    Greater,
    Less,
    NotEqual,
}

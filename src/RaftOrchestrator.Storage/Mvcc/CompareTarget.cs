namespace RaftOrchestrator.Storage.Mvcc;

public enum CompareTarget
{
    Version = 0,
    Create,
    Mod,
    Value,
    Lease,
}

namespace RaftOrchestrator.Storage.Mvcc;

public sealed record DeleteRangeOp(KeyRange Range, bool PrevKv = false) : RequestOp;

namespace RaftOrchestrator.Storage.Mvcc;

public sealed record RangeOp(RangeRequest Request) : RequestOp;

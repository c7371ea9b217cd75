namespace RaftOrchestrator.Storage.Mvcc;

public sealed record PutOp(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value, PutOptions Options = default) : RequestOp;

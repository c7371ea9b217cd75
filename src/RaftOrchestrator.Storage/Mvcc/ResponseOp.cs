namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>The result of one <see cref="RequestOp"/>; exactly the member matching <see cref="Kind"/> is set.</summary>
public readonly record struct ResponseOp(ResponseOpKind Kind, RangeResult Range, PutResult Put, DeleteRangeResult DeleteRange);

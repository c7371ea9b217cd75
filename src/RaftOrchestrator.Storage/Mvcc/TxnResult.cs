namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The outcome of a transaction. <see cref="Revision"/> is the store's revision after it (the new one if
/// it wrote). A status other than Ok means nothing was applied (e.g. a put names a missing lease).
/// </summary>
public readonly record struct TxnResult(StoreStatus Status, bool Succeeded, ResponseOp[] Responses, long Revision);

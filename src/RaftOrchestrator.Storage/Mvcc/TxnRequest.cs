namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// If every compare holds, run <see cref="Success"/>, else <see cref="Failure"/> (etcd's TxnRequest).
/// The whole transaction takes one revision if it changes anything, none otherwise; ranges inside it see
/// the changes of the operations before them.
/// </summary>
public sealed record TxnRequest(IReadOnlyList<Compare> Compares, IReadOnlyList<RequestOp> Success, IReadOnlyList<RequestOp> Failure);

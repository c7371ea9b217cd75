using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// What applying one command produced. <see cref="Status"/> is the store's verdict (a value, never an
/// exception); <see cref="Revision"/> the store's revision after it; <see cref="Txn"/> the whole result
/// of a <see cref="Commands.CommandType.Txn"/> (default otherwise).
/// </summary>
public readonly record struct CommandResult(StoreStatus Status, long Revision, TxnResult Txn = default);

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>One operation of a transaction branch: <see cref="RangeOp"/>, <see cref="PutOp"/> or <see cref="DeleteRangeOp"/> (no nested txn).</summary>
public abstract record RequestOp
{
    private protected RequestOp()
    {
    }
}

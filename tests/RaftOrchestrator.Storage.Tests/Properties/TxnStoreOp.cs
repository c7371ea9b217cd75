using System.Collections.Immutable;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>A transaction; its branches hold <see cref="PutStoreOp"/>s, <see cref="DeleteStoreOp"/>s and <see cref="RangeStoreOp"/>s.</summary>
internal sealed record TxnStoreOp(
    ImmutableArray<CompareSpec> Compares, ImmutableArray<StoreOp> Success, ImmutableArray<StoreOp> Failure) : StoreOp
{
    public override string ToString() =>
        $"Txn(if [{string.Join(" && ", Compares)}] then [{string.Join("; ", Success)}] else [{string.Join("; ", Failure)}])";
}

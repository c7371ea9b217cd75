using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record ModelTxnResult(StoreStatus Status, bool Succeeded, IReadOnlyList<ModelResult> Responses, long Revision) : ModelResult
{
    public override string ToString() =>
        $"Txn {Status} succeeded {Succeeded} rev {Revision} responses [{string.Join(" | ", Responses)}]";
}

using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record ModelStatusResult(StoreStatus Status) : ModelResult
{
    public override string ToString() => Status.ToString();
}

using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record ModelPutResult(StoreStatus Status, long Revision, ModelKv? PrevKv) : ModelResult
{
    public override string ToString() => $"Put {Status} rev {Revision} prevKv {(PrevKv is null ? "none" : PrevKv.ToString())}";
}

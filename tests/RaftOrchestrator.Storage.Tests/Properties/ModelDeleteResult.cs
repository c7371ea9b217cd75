using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record ModelDeleteResult(StoreStatus Status, long Revision, long Deleted, IReadOnlyList<ModelKv> PrevKvs) : ModelResult
{
    public static ModelDeleteResult Failed(StoreStatus status, long current) => new(status, current, 0, []);

    public override string ToString() => $"Delete {Status} rev {Revision} deleted {Deleted} prevKvs [{string.Join(", ", PrevKvs)}]";
}

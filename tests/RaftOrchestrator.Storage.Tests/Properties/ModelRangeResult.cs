using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record ModelRangeResult(
    StoreStatus Status, IReadOnlyList<ModelKv> Kvs, long Count, bool More, long Revision, long CompactRevision) : ModelResult
{
    public static ModelRangeResult Failed(StoreStatus status, long current, long compact) => new(status, [], 0, false, current, compact);

    public override string ToString() =>
        $"Range {Status} rev {Revision} compact {CompactRevision} count {Count} more {More} kvs [{string.Join(", ", Kvs)}]";
}

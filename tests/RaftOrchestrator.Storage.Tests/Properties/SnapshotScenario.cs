using System.Collections.Immutable;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// A random history, the point where a snapshot is taken (the rest runs on both the original and the
/// restored store), batch sizes, and the corruptions tried on the snapshot (property c).
/// </summary>
public sealed class SnapshotScenario
{
    internal SnapshotScenario(
        ImmutableArray<StoreOp> ops,
        int snapshotAt,
        int snapshotBatchSize,
        int compactionBatchSize,
        ImmutableArray<ByteFlip> flips,
        ImmutableArray<int> truncationSeeds)
    {
        Ops = ops;
        SnapshotAt = Math.Min(snapshotAt, ops.Length);
        SnapshotBatchSize = snapshotBatchSize;
        CompactionBatchSize = compactionBatchSize;
        Flips = flips;
        TruncationSeeds = truncationSeeds;
    }

    internal ImmutableArray<StoreOp> Ops { get; }

    internal int SnapshotAt { get; }

    internal int SnapshotBatchSize { get; }

    internal int CompactionBatchSize { get; }

    internal ImmutableArray<ByteFlip> Flips { get; }

    internal ImmutableArray<int> TruncationSeeds { get; }

    internal SnapshotScenario WithOps(ImmutableArray<StoreOp> ops) =>
        new(ops, SnapshotAt, SnapshotBatchSize, CompactionBatchSize, Flips, TruncationSeeds);

    public override string ToString() => ScenarioText.Of(
        $"SnapshotScenario: snapshot after op #{SnapshotAt - 1}, SnapshotBatchSize {SnapshotBatchSize}, "
        + $"CompactionBatchSize {CompactionBatchSize}, flips [{string.Join(", ", Flips)}], "
        + $"truncations [{string.Join(", ", TruncationSeeds)}], {Ops.Length} ops",
        Ops);
}

using System.Collections.Immutable;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// A random history interleaved with watch creations, cancels and reads (property b), and the hub's tunables.
/// With <see cref="SettleBeforeCompaction"/>, every compaction waits until all watchers are synced, so none
/// may be cancelled as compacted; without it, compaction may legitimately overtake a watcher that is behind.
/// </summary>
public sealed class WatchScenario
{
    internal WatchScenario(
        ImmutableArray<StoreOp> ops, int streamCapacity, int maxEventsPerResponse, int resyncMilliseconds, bool settleBeforeCompaction)
    {
        Ops = ops;
        StreamCapacity = streamCapacity;
        MaxEventsPerResponse = maxEventsPerResponse;
        ResyncMilliseconds = resyncMilliseconds;
        SettleBeforeCompaction = settleBeforeCompaction;
    }

    internal ImmutableArray<StoreOp> Ops { get; }

    internal int StreamCapacity { get; }

    internal int MaxEventsPerResponse { get; }

    internal int ResyncMilliseconds { get; }

    internal bool SettleBeforeCompaction { get; }

    internal WatchScenario WithOps(ImmutableArray<StoreOp> ops) =>
        new(ops, StreamCapacity, MaxEventsPerResponse, ResyncMilliseconds, SettleBeforeCompaction);

    public override string ToString() => ScenarioText.Of(
        $"WatchScenario: WatchStreamCapacity {StreamCapacity}, MaxEventsPerResponse {MaxEventsPerResponse}, "
        + $"WatchResyncPeriod {ResyncMilliseconds} ms, settle before compaction {SettleBeforeCompaction}, {Ops.Length} ops",
        Ops);
}

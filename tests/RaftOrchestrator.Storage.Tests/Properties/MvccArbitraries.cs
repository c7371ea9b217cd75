using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// The FsCheck arbitraries of the core property tests (<c>[Property(Arbitrary = [typeof(MvccArbitraries)])]</c>);
/// <see cref="MvccEdgeArbitraries"/> has the variants with the extra operations.
/// Shrinking removes steps (halves, quarters, ... single steps) and then simplifies transactions, so a
/// counter-example comes out as a short sequence of operations.
/// </summary>
public static class MvccArbitraries
{
    public static Arbitrary<KvScenario> KvScenarios() =>
        Arb.From(MvccGenerators.KvScenario, s => ShrinkOps(s.Ops).Select(ops => new KvScenario(ops, s.CompactionBatchSize)));

    public static Arbitrary<WatchScenario> WatchScenarios() =>
        Arb.From(MvccGenerators.WatchScenario, s => ShrinkOps(s.Ops).Select(s.WithOps));

    public static Arbitrary<SnapshotScenario> SnapshotScenarios() =>
        Arb.From(MvccGenerators.SnapshotScenario, s => ShrinkOps(s.Ops).Select(s.WithOps));

    internal static IEnumerable<ImmutableArray<StoreOp>> ShrinkOps(ImmutableArray<StoreOp> ops)
    {
        foreach (ImmutableArray<StoreOp> shorter in RemoveChunks(ops))
        {
            yield return shorter;
        }
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i] is not TxnStoreOp txn)
            {
                continue;
            }
            foreach (ImmutableArray<CompareSpec> compares in RemoveChunks(txn.Compares))
            {
                yield return ops.SetItem(i, txn with { Compares = compares });
            }
            foreach (ImmutableArray<StoreOp> success in RemoveChunks(txn.Success))
            {
                yield return ops.SetItem(i, txn with { Success = success });
            }
            foreach (ImmutableArray<StoreOp> failure in RemoveChunks(txn.Failure))
            {
                yield return ops.SetItem(i, txn with { Failure = failure });
            }
        }
    }

    private static IEnumerable<ImmutableArray<T>> RemoveChunks<T>(ImmutableArray<T> items)
    {
        // Halves, quarters, ... down to single items, but at most 64 chunks per size: huge branches shrink by halves.
        for (int size = items.Length / 2; size >= 1 && items.Length / size <= 64; size /= 2)
        {
            for (int start = 0; start + size <= items.Length; start += size)
            {
                yield return items.RemoveRange(start, size);
            }
        }
        if (items.Length == 1)
        {
            yield return [];
        }
    }
}

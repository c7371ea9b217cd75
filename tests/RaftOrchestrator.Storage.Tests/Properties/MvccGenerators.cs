using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Generators of random operation sequences over the small <see cref="KeySpace"/>. Revisions are
/// <see cref="RevisionPick"/>s resolved at run time, so every generated or shrunk sequence is valid.
/// </summary>
internal static class MvccGenerators
{
    private static readonly Gen<int> s_seed = Gen.Choose(0, 9_999);

    public static Gen<bool> Percent(int percent) => Gen.Choose(1, 100).Select(x => x <= percent);

    public static Gen<string> Key { get; } = Gen.Elements(KeySpace.Keys);

    public static Gen<string> Value { get; } = Gen.Elements(KeySpace.Values);

    public static Gen<long> LeaseRef { get; } = Gen.Frequency(
        (14, Gen.Constant(0L)),
        (8, Gen.Elements(KeySpace.LeaseIds)),
        (1, Gen.Constant(KeySpace.MissingLease)));

    public static Gen<RangeSpec> Range { get; } = Gen.Frequency(
        (5, Key.Select(RangeSpec.Single)),
        (3, Gen.Elements(KeySpace.RangeStarts).SelectMany(_ => Gen.Elements(KeySpace.RangeEnds), RangeSpec.Interval)),
        (3, Gen.Elements(KeySpace.Prefixes).Select(RangeSpec.Prefix)),
        (1, Gen.Elements(KeySpace.RangeStarts).Select(RangeSpec.FromKey)),
        (1, Gen.Constant(RangeSpec.All)));

    public static Gen<RevisionPick> ReadRevision { get; } = Pick(
        (6, RevisionPickKind.Zero),
        (2, RevisionPickKind.Current),
        (6, RevisionPickKind.Retained),
        (2, RevisionPickKind.Any),
        (2, RevisionPickKind.BelowCompact),
        (1, RevisionPickKind.AtCompact),
        (2, RevisionPickKind.Future),
        (1, RevisionPickKind.Negative));

    public static Gen<RevisionPick> CompactRevision { get; } = Pick(
        (12, RevisionPickKind.Retained),
        (2, RevisionPickKind.Current),
        (1, RevisionPickKind.AtCompact),
        (1, RevisionPickKind.BelowCompact),
        (1, RevisionPickKind.Future));

    public static Gen<StoreOp> Put { get; } = PutOf(Key, ignoreFlags: true);

    /// <summary>Puts without IgnoreValue / IgnoreLease.</summary>
    public static Gen<StoreOp> PlainPut { get; } = PutOf(Key, ignoreFlags: false);

    public static Gen<StoreOp> Delete { get; } =
        from range in Range
        from prevKv in Percent(40)
        select (StoreOp)new DeleteStoreOp(range, prevKv);

    public static Gen<StoreOp> RangeRead { get; } =
        from range in Range
        from revision in ReadRevision
        from limit in Gen.Frequency(
            (10, Gen.Constant(0L)), (3, Gen.Constant(1L)), (2, Gen.Constant(2L)), (1, Gen.Constant(3L)), (1, Gen.Constant(-1L)))
        from countOnly in Percent(10)
        from keysOnly in Percent(20)
        from order in Gen.Elements(SortOrder.None, SortOrder.Ascend, SortOrder.Descend)
        from target in Gen.Frequency(
            (3, Gen.Constant(SortTarget.Key)),
            (1, Gen.Constant(SortTarget.Version)),
            (1, Gen.Constant(SortTarget.Create)),
            (1, Gen.Constant(SortTarget.Mod)),
            (2, Gen.Constant(SortTarget.Value)))
        from filter in Gen.Frequency((8, Gen.Constant(RangeFilter.None)), (1, Filter))
        select (StoreOp)new RangeStoreOp(range, revision, limit, countOnly, keysOnly, order, target, filter);

    /// <summary>Each bound absent half of the time, else a revision in the range histories reach.</summary>
    public static Gen<RangeFilter> Filter { get; } =
        from bounds in Gen.Frequency((1, Gen.Constant(0L)), (1, Gen.Choose(1, 40).Select(x => (long)x))).ArrayOf(4)
        select new RangeFilter(bounds[0], bounds[1], bounds[2], bounds[3]);

    public static Gen<CompareSpec> Compare { get; } = CompareOn(Gen.Frequency(
        (12, Key.Select(RangeSpec.Single)), (3, Range), (1, Gen.Constant(RangeSpec.Invalid))));

    public static Gen<CompareSpec> ValidCompare { get; } = CompareOn(Gen.Frequency((12, Key.Select(RangeSpec.Single)), (3, Range)));

    public static Gen<StoreOp> Txn { get; } = TxnOf(Compare, ignoreFlags: true);

    /// <summary>
    /// Transactions of the core properties: valid compares and plain puts only. The watch properties need a history
    /// rather than every answer, so an edge-case divergence in answers must not change what gets committed there.
    /// </summary>
    public static Gen<StoreOp> PlainTxn { get; } = TxnOf(ValidCompare, ignoreFlags: false);

    /// <summary>One transaction putting 60-140 keys under "m": enough to split a B+tree leaf, and many events in one revision.</summary>
    public static Gen<StoreOp> BulkTxn { get; } =
        from count in Gen.Choose(60, 140)
        from value in Value
        select (StoreOp)new TxnStoreOp(
            [],
            [.. Enumerable.Range(0, count).Select(i => (StoreOp)new PutStoreOp(KeySpace.BulkKey(i), value, 0, false))],
            []);

    /// <summary>
    /// One transaction rewriting 1-3 keys 1,500-4,500 times: long version lists and thousands of log entries
    /// (revision log chunks hold 4,096).
    /// </summary>
    public static Gen<StoreOp> RepeatTxn { get; } =
        from count in Gen.Choose(1_500, 4_500)
        from keys in Gen.Elements(1, 2, 3)
        from value in Value
        select (StoreOp)new TxnStoreOp(
            [],
            [.. Enumerable.Range(0, count).Select(i => (StoreOp)new PutStoreOp(KeySpace.Keys[i % keys], value, 0, false))],
            []);

    public static Gen<StoreOp> Compact { get; } = CompactRevision.Select(r => (StoreOp)new CompactStoreOp(r));

    public static Gen<StoreOp> GrantLease { get; } = Gen.Frequency(
        (10, from id in Gen.Elements(KeySpace.LeaseIds) from ttl in Gen.Elements(10L, 60L) select (StoreOp)new GrantLeaseStoreOp(id, ttl)),
        (1, Gen.Elements<StoreOp>(new GrantLeaseStoreOp(0, 10), new GrantLeaseStoreOp(1, 0))));

    public static Gen<StoreOp> RevokeLease { get; } =
        Gen.Elements(1L, 2L, 3L, 1L, 2L, KeySpace.MissingLease).Select(id => (StoreOp)new RevokeLeaseStoreOp(id));

    /// <summary>Requests the store must refuse with InvalidArgument.</summary>
    public static Gen<StoreOp> Invalid { get; } = Gen.Elements<StoreOp>(
        new PutStoreOp("", "x", 0, false),
        new DeleteStoreOp(RangeSpec.Invalid, true),
        new RangeStoreOp(
            RangeSpec.Invalid, new RevisionPick(RevisionPickKind.Zero, 0), 0, false, false, SortOrder.None, SortTarget.Key, RangeFilter.None));

    /// <summary>The operations of the core properties: plain puts and valid transaction guards.</summary>
    public static Gen<StoreOp> KvOp { get; } = Gen.Frequency(
        (12, PlainPut),
        (4, Delete),
        (5, PlainTxn),
        (5, RangeRead),
        (2, Compact),
        (3, GrantLease),
        (2, RevokeLease),
        (1, Invalid));

    /// <summary>Every operation: also puts with IgnoreValue / IgnoreLease and transactions with invalid guards.</summary>
    public static Gen<StoreOp> KvEdgeOp { get; } = Gen.Frequency(
        (6, PlainPut),
        (6, Put),
        (4, Delete),
        (2, PlainTxn),
        (4, Txn),
        (5, RangeRead),
        (2, Compact),
        (3, GrantLease),
        (2, RevokeLease),
        (1, Invalid));

    public static Gen<StoreOp> CreateWatch { get; } =
        from stream in Gen.Choose(0, 2)
        from range in Range
        from start in Gen.Frequency(
            (3, Gen.Constant(WatchStartKind.Zero)),
            (3, Gen.Constant(WatchStartKind.One)),
            (3, Gen.Constant(WatchStartKind.Middle)),
            (2, Gen.Constant(WatchStartKind.AtCompact)),
            (1, Gen.Constant(WatchStartKind.Current)),
            (2, Gen.Constant(WatchStartKind.Next)),
            (1, Gen.Constant(WatchStartKind.Later)))
        from seed in s_seed
        from noPut in Percent(15)
        from noDelete in Percent(15)
        from prevKv in Percent(50)
        select (StoreOp)new CreateWatchOp(stream, range, start, seed, noPut, noDelete, prevKv);

    public static Gen<StoreOp> WatchStep { get; } = WatchStepWith(replaceWeight: 0);

    /// <summary>Watch steps that also install restored snapshots with <c>WatchableStore.ReplaceStore</c>.</summary>
    public static Gen<StoreOp> WatchStepWithReplace { get; } = WatchStepWith(replaceWeight: 3);

    public static Gen<KvScenario> KvScenario { get; } = KvScenarioOf(KvOp);

    public static Gen<KvScenario> KvEdgeScenario { get; } = KvScenarioOf(KvEdgeOp);

    public static Gen<WatchScenario> WatchScenario { get; } = WatchScenarioOf(WatchStep);

    public static Gen<WatchScenario> WatchReplaceScenario { get; } = WatchScenarioOf(WatchStepWithReplace);

    public static Gen<SnapshotScenario> SnapshotScenario { get; } =
        from ops in History(KvEdgeOp, 20, 60)
        from snapshotAt in Gen.Choose(0, ops.Length)
        from snapshotBatch in Gen.Elements(1, 2, 3, 4_096)
        from compactionBatch in Gen.Elements(1, 2, 10_000)
        from flips in Gen.Choose(0, int.MaxValue).SelectMany(_ => Gen.Choose(1, 255), (p, m) => new ByteFlip(p, (byte)m)).ArrayOf(8)
        from truncations in Gen.Choose(0, int.MaxValue).ArrayOf(2)
        select new SnapshotScenario(ops, snapshotAt, snapshotBatch, compactionBatch, [.. flips], [.. truncations]);

    private static Gen<CompareSpec> CompareOn(Gen<RangeSpec> ranges) =>
        from range in ranges
        from target in Gen.Elements(
            CompareTarget.Version, CompareTarget.Create, CompareTarget.Mod, CompareTarget.Value, CompareTarget.Lease)
        from result in Gen.Elements(CompareResult.Equal, CompareResult.NotEqual, CompareResult.Greater, CompareResult.Less)
        from number in Gen.Choose(0, 8)
        from value in Value
        select new CompareSpec(range, target, result, target == CompareTarget.Lease ? number % 4 : number, value);

    private static Gen<StoreOp> WatchStepWith(int replaceWeight)
    {
        List<(int, Gen<StoreOp>)> steps =
        [
            (12, PlainPut),
            (5, Delete),
            (4, PlainTxn),
            (3, Compact),
            (2, GrantLease),
            (2, RevokeLease),
            (4, CreateWatch),
            (1, Gen.Choose(0, 20).Select(i => (StoreOp)new CancelWatchOp(i))),
            (2, Gen.Constant<StoreOp>(new DrainWatchesOp())),
            (2, Gen.Choose(0, 2).Select(i => (StoreOp)new RequestProgressOp(i))),
        ];
        if (replaceWeight > 0)
        {
            steps.Add((replaceWeight, Gen.Constant<StoreOp>(new ReplaceStoreOp())));
        }
        return Gen.Frequency(steps);
    }

    private static Gen<KvScenario> KvScenarioOf(Gen<StoreOp> op) =>
        from ops in History(op, 20, 60)
        from batch in Gen.Elements(1, 2, 3, 10_000)
        select new KvScenario(ops, batch);

    /// <summary>Watches before the history, during it (with cancels, reads and bookmarks) and after it.</summary>
    private static Gen<WatchScenario> WatchScenarioOf(Gen<StoreOp> step) =>
        from beforeCount in Gen.Choose(1, 3)
        from before in CreateWatch.ArrayOf(beforeCount)
        from during in History(step, 20, 50)
        from afterCount in Gen.Choose(0, 3)
        from after in CreateWatch.ArrayOf(afterCount)
        from capacity in Gen.Elements(1, 2, 3, 4, 128)
        from maxEvents in Gen.Elements(1, 2, 3, 1_000, 1_000)
        from resync in maxEvents < 1_000 ? Gen.Elements(2, 10) : Gen.Elements(10, 100)
        from settle in Percent(50)
        select new WatchScenario([.. before, .. during, .. after], capacity, maxEvents, resync, settle);

    private static Gen<StoreOp> PutOf(Gen<string> keys, bool ignoreFlags) =>
        from key in keys
        from value in Value
        from lease in LeaseRef
        from prevKv in Percent(30)
        from ignore in ignoreFlags
            ? Gen.Frequency((24, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
            : Gen.Constant(0)
        select (StoreOp)new PutStoreOp(
            key, value, (ignore & 2) != 0 ? 0 : lease, prevKv, IgnoreValue: (ignore & 1) != 0, IgnoreLease: (ignore & 2) != 0);

    private static Gen<StoreOp> TxnOf(Gen<CompareSpec> compare, bool ignoreFlags) =>
        from focus in Key
        from compareCount in Gen.Choose(0, 2)
        from compares in compare.ArrayOf(compareCount)
        from successCount in Gen.Choose(0, 3)
        from success in TxnBranchOp(focus, ignoreFlags).ArrayOf(successCount)
        from failureCount in Gen.Choose(0, 3)
        from failure in TxnBranchOp(focus, ignoreFlags).ArrayOf(failureCount)
        select (StoreOp)new TxnStoreOp([.. compares], [.. success], [.. failure]);

    /// <summary>Branch operations of a transaction, half of them on one focus key so that they interact within the revision.</summary>
    private static Gen<StoreOp> TxnBranchOp(string focus, bool ignoreFlags) => Gen.Frequency(
        (5, ignoreFlags ? Put : PlainPut),
        (2, Delete),
        (2, RangeRead),
        (5, PutOf(Gen.Constant(focus), ignoreFlags)),
        (2, Percent(40).Select(prevKv => (StoreOp)new DeleteStoreOp(RangeSpec.Single(focus), prevKv))),
        (1, RangeRead.Select(r => (StoreOp)((RangeStoreOp)r with { Range = RangeSpec.Single(focus) }))));

    /// <summary>
    /// <paramref name="min"/>-<paramref name="max"/> steps; in one history in six a bulk transaction somewhere, in one
    /// in twenty-five two repeat transactions.
    /// </summary>
    private static Gen<ImmutableArray<StoreOp>> History(Gen<StoreOp> step, int min, int max) =>
        from count in Gen.Choose(min, max)
        from steps in step.ArrayOf(count)
        from extras in Gen.Frequency(
            (80, Gen.Constant(Array.Empty<StoreOp>())),
            (16, BulkTxn.ArrayOf(1)),
            (4, RepeatTxn.ArrayOf(2)))
        from positions in Gen.Choose(0, count).ArrayOf(extras.Length)
        select Insert(steps, extras, positions);

    private static ImmutableArray<StoreOp> Insert(StoreOp[] steps, StoreOp[] extras, int[] positions)
    {
        ImmutableArray<StoreOp> result = [.. steps];
        for (int i = 0; i < extras.Length; i++)
        {
            result = result.Insert(Math.Min(positions[i], result.Length), extras[i]);
        }
        return result;
    }

    private static Gen<RevisionPick> Pick(params (int Weight, RevisionPickKind Kind)[] kinds) =>
        from kind in Gen.Frequency(kinds.Select(k => (k.Weight, Gen.Constant(k.Kind))))
        from seed in s_seed
        select new RevisionPick(kind, seed);
}

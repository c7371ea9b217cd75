using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>The reference model pinned on hand-checked etcd v3 cases, so the properties compare against something known.</summary>
public sealed class MvccModelTests
{
    private static readonly RevisionPick s_now = new(RevisionPickKind.Zero, 0);

    [Fact]
    public void Put_AfterDelete_StartsNewGeneration()
    {
        var model = new MvccModel();
        model.Put(Put("a", "x"));
        model.Put(Put("a", "y"));
        model.DeleteRange(RangeSpec.Single("a"), prevKv: false);
        model.Put(Put("a", "z"));

        Assert.Equal("{\"a\"=\"y\" create 1 mod 2 ver 2 lease 0}", model.StateAt(2)["a"].ToString());
        Assert.False(model.StateAt(3).ContainsKey("a"));
        Assert.Equal("{\"a\"=\"z\" create 4 mod 4 ver 1 lease 0}", model.StateAt(4)["a"].ToString());
    }

    [Fact]
    public void Txn_WriteOps_AnswerTheTransactionsRevision()
    {
        var model = new MvccModel();
        model.Put(Put("a", "x"));

        ModelTxnResult writes = model.Txn(new TxnStoreOp([], [new DeleteStoreOp(RangeSpec.Single("zz"), false), Put("b", "y")], []));
        ModelTxnResult noChange = model.Txn(new TxnStoreOp([], [new DeleteStoreOp(RangeSpec.Single("zz"), false)], []));

        Assert.Equal(
            "Txn Ok succeeded True rev 2 responses [Delete Ok rev 2 deleted 0 prevKvs [] | Put Ok rev 2 prevKv none]",
            writes.ToString());
        Assert.Equal("Txn Ok succeeded True rev 2 responses [Delete Ok rev 2 deleted 0 prevKvs []]", noChange.ToString());
    }

    [Theory]
    [InlineData(CompareTarget.Value, CompareResult.NotEqual, false)]
    [InlineData(CompareTarget.Version, CompareResult.Equal, true)]
    [InlineData(CompareTarget.Create, CompareResult.Greater, false)]
    [InlineData(CompareTarget.Lease, CompareResult.Equal, true)]
    public void Txn_CompareOnMissingKey_UsesZeroesAndFailsForValues(CompareTarget target, CompareResult result, bool succeeds)
    {
        var model = new MvccModel();

        ModelTxnResult txn = model.Txn(new TxnStoreOp([new CompareSpec(RangeSpec.Single("a"), target, result, 0, "x")], [], []));

        Assert.Equal(succeeds, txn.Succeeded);
    }

    [Fact]
    public void Range_SortDescendingByVersion_BreaksTiesInKeyOrder()
    {
        var model = new MvccModel();
        foreach (string key in new[] { "b", "a", "c", "b" })
        {
            model.Put(Put(key, "v"));
        }

        ModelRangeResult result = model.Range(Range(RangeSpec.All, SortOrder.Descend, SortTarget.Version, keysOnly: false, limit: 2));

        Assert.Equal(["b", "a"], result.Kvs.Select(kv => kv.Key));
        Assert.Equal(3, result.Count);
        Assert.True(result.More);
    }

    [Fact]
    public void Range_KeysOnlySortedByValue_SortsByTheStoredValues()
    {
        var model = new MvccModel();
        model.Put(Put("a", "y"));
        model.Put(Put("b", "x"));

        ModelRangeResult result = model.Range(Range(RangeSpec.All, SortOrder.Ascend, SortTarget.Value, keysOnly: true, limit: 0));

        Assert.Equal(["b", "a"], result.Kvs.Select(kv => kv.Key));
        Assert.All(result.Kvs, kv => Assert.Equal("", kv.Value));
    }

    [Fact]
    public void RevokeLease_WithKeys_DeletesThemInKeyOrderInOneRevision()
    {
        var model = new MvccModel();
        model.GrantLease(1, 10);
        model.Put(Put("b", "x", lease: 1));
        model.Put(Put("a", "x", lease: 1));
        model.Put(Put("c", "x", lease: 1));
        model.Put(Put("c", "y"));   // moves c off the lease

        ModelDeleteResult result = model.RevokeLease(1);

        Assert.Equal("Delete Ok rev 5 deleted 2 prevKvs []", result.ToString());
        Assert.Equal(["a", "b"], model.ChangesAt(5).Select(c => c.Key));
        Assert.Empty(model.Leases());
        Assert.Equal(StoreStatus.LeaseNotFound, model.RevokeLease(1).Status);
    }

    [Fact]
    public void Events_PutThenDeleteInOneRevision_DeleteHasThePutAsPrevKv()
    {
        var model = new MvccModel();
        model.Put(Put("a", "x"));
        model.Txn(new TxnStoreOp([], [Put("a", "y"), new DeleteStoreOp(RangeSpec.Single("a"), false)], []));

        Assert.Equal(
            [
                "PUT@2.0 {\"a\"=\"y\" create 1 mod 2 ver 2 lease 0} prev {\"a\"=\"x\" create 1 mod 1 ver 1 lease 0}",
                "DELETE@2.1 {\"a\"=\"\" create 0 mod 2 ver 0 lease 0} prev {\"a\"=\"y\" create 1 mod 2 ver 2 lease 0}",
            ],
            model.Events(2).Select(e => e.ToString()));
    }

    [Fact]
    public void Compact_AtOrBelowCompactionPointOrInFuture_IsRefused()
    {
        var model = new MvccModel();
        model.Put(Put("a", "x"));
        model.Put(Put("a", "y"));

        Assert.Equal(StoreStatus.Compacted, model.Compact(0));
        Assert.Equal(StoreStatus.FutureRevision, model.Compact(3));
        Assert.Equal(StoreStatus.Ok, model.Compact(2));
        Assert.Equal(StoreStatus.Compacted, model.Compact(2));
        Assert.Equal(StoreStatus.Compacted, model.Range(Range(RangeSpec.All, revision: 1)).Status);
        Assert.Equal(StoreStatus.Ok, model.Range(Range(RangeSpec.All, revision: 2)).Status);
    }

    [Fact]
    public void IndexedKeyCount_CompactedPastATombstone_DropsOnlyThatKey()
    {
        var model = new MvccModel();
        model.Put(Put("a", "x"));
        model.Put(Put("b", "x"));
        model.DeleteRange(RangeSpec.Single("a"), prevKv: false);
        model.Put(Put("c", "x"));
        Assert.Equal(3, model.IndexedKeyCount());

        model.Compact(3);   // a was deleted at 3 itself: still indexed
        Assert.Equal(3, model.IndexedKeyCount());

        model.Compact(4);   // now a only has a tombstone below 4: dropped
        Assert.Equal(2, model.IndexedKeyCount());
    }

    [Fact]
    public void Put_IgnoreValueOnMissingKey_IsKeyNotFound()
    {
        var model = new MvccModel();

        Assert.Equal(StoreStatus.KeyNotFound, model.Put(new PutStoreOp("a", "x", 0, false, IgnoreValue: true)).Status);
        Assert.Equal(0, model.CurrentRevision);
    }

    private static PutStoreOp Put(string key, string value, long lease = 0) => new(key, value, lease, false);

    private static RangeStoreOp Range(
        RangeSpec range,
        SortOrder order = SortOrder.None,
        SortTarget target = SortTarget.Key,
        bool keysOnly = false,
        long limit = 0,
        long revision = 0) =>
        new(
            range,
            revision == 0 ? s_now : new RevisionPick(RevisionPickKind.Any, (int)revision - 1),
            limit,
            false,
            keysOnly,
            order,
            target,
            RangeFilter.None);
}

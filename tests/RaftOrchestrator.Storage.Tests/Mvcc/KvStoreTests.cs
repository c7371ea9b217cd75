using RaftOrchestrator.Storage.Mvcc;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Mvcc;

public sealed class KvStoreTests
{
    [Fact]
    public void Range_EmptyStore_ReturnsNothingAtRevisionZero()
    {
        using var store = new KvStore();
        RangeResult r = store.Range(new RangeRequest(KeyRange.All));
        Assert.Equal(StoreStatus.Ok, r.Status);
        Assert.Empty(r.Kvs);
        Assert.Equal(0, r.Count);
        Assert.Equal(0, r.Revision);
    }

    [Fact]
    public void Range_EmptyKey_IsInvalidArgument()
    {
        using var store = new KvStore();
        Assert.Equal(StoreStatus.InvalidArgument, store.Range(new RangeRequest(KeyRange.ForKey(Array.Empty<byte>()))).Status);
        Assert.Equal(StoreStatus.InvalidArgument, store.Put([], B("v")).Status);
    }

    [Fact]
    public void Range_FutureRevision_IsFutureRevision()
    {
        using var store = new KvStore();
        store.Put(B("a"), B("1"));
        Assert.Equal(StoreStatus.FutureRevision, store.Range(new RangeRequest(KeyRange.All) { Revision = 2 }).Status);
    }

    [Fact]
    public void Range_BoundedEndBelowStart_MatchesNothing()
    {
        using var store = new KvStore();
        store.Put(B("b"), B("1"));
        RangeResult r = store.Range(new RangeRequest(new KeyRange(B("c"), B("a"))));
        Assert.Equal(StoreStatus.Ok, r.Status);
        Assert.Empty(r.Kvs);
    }

    [Fact]
    public void Put_Sequence_TracksCreateModAndVersion()
    {
        using var store = new KvStore();
        Assert.Equal(1, store.Put(B("a"), B("1")).Revision);
        Assert.Equal(2, store.Put(B("b"), B("1")).Revision);
        PutResult third = store.Put(B("a"), B("2"), new PutOptions { PrevKv = true });
        Assert.Equal(3, third.Revision);
        Assert.Equal("1", S(third.PrevKv!.Value.Value));
        KeyValue kv = Assert.Single(store.Range(new RangeRequest(KeyRange.ForKey(B("a")))).Kvs);
        Assert.Equal((1L, 3L, 2L), (kv.CreateRevision, kv.ModRevision, kv.Version));
        KeyValue old = Assert.Single(store.Range(new RangeRequest(KeyRange.ForKey(B("a"))) { Revision = 2 }).Kvs);
        Assert.Equal("1", S(old.Value));
    }

    [Fact]
    public void DeleteRange_NothingToDelete_TakesNoRevision()
    {
        using var store = new KvStore();
        store.Put(B("a"), B("1"));
        DeleteRangeResult r = store.DeleteRange(KeyRange.Prefix(B("zz")));
        Assert.Equal((0L, 1L), (r.Deleted, r.Revision));
        Assert.Equal(1, store.CurrentRevision);
    }

    [Fact]
    public void DeleteRange_Prefix_DeletesInOneRevisionAndReturnsPrevKvs()
    {
        using var store = new KvStore();
        store.Put(B("p/a"), B("1"));
        store.Put(B("p/b"), B("2"));
        store.Put(B("q"), B("3"));
        DeleteRangeResult r = store.DeleteRange(KeyRange.Prefix(B("p/")), prevKv: true);
        Assert.Equal((2L, 4L), (r.Deleted, r.Revision));
        Assert.Equal(["p/a", "p/b"], r.PrevKvs.Select(kv => S(kv.Key)));
        Assert.Equal(1, store.Range(new RangeRequest(KeyRange.All)).Count);
    }

    [Fact]
    public void Range_LimitAndSort_CountsAllAndSetsMore()
    {
        using var store = new KvStore();
        foreach (string k in new[] { "c", "a", "b", "d" })
        {
            store.Put(B(k), B(k));
        }
        store.Put(B("a"), B("a2"));
        RangeResult limited = store.Range(new RangeRequest(KeyRange.All) { Limit = 2 });
        Assert.Equal(["a", "b"], limited.Kvs.Select(kv => S(kv.Key)));
        Assert.Equal(4, limited.Count);
        Assert.True(limited.More);
        RangeResult byMod = store.Range(new RangeRequest(KeyRange.All) { SortTarget = SortTarget.Mod, SortOrder = SortOrder.Descend, Limit = 2 });
        Assert.Equal(["a", "d"], byMod.Kvs.Select(kv => S(kv.Key)));
        RangeResult countOnly = store.Range(new RangeRequest(KeyRange.All) { CountOnly = true });
        Assert.Equal((4L, 0), (countOnly.Count, countOnly.Kvs.Length));
        RangeResult keysOnly = store.Range(new RangeRequest(KeyRange.All) { KeysOnly = true });
        Assert.All(keysOnly.Kvs, kv => Assert.True(kv.Value.IsEmpty));
    }

    [Fact]
    public void Txn_CompareOnMissingKey_ValueIsFalseVersionIsZero()
    {
        using var store = new KvStore();
        TxnResult byValue = store.Txn(new TxnRequest([Compare.ValueOf(B("k"), CompareResult.Equal, Array.Empty<byte>())], [], []));
        Assert.False(byValue.Succeeded);
        TxnResult byVersion = store.Txn(new TxnRequest(
            [Compare.Version(B("k"), CompareResult.Equal, 0)],
            [new PutOp(B("k"), B("v")), new RangeOp(new RangeRequest(KeyRange.ForKey(B("k"))))],
            []));
        Assert.True(byVersion.Succeeded);
        Assert.Equal(1, byVersion.Revision);
        Assert.Equal("v", S(Assert.Single(byVersion.Responses[1].Range.Kvs).Value));
    }

    [Fact]
    public void Txn_PutWithMissingLease_AppliesNothing()
    {
        using var store = new KvStore();
        TxnResult r = store.Txn(new TxnRequest([], [new PutOp(B("a"), B("1")), new PutOp(B("b"), B("2"), new PutOptions { Lease = 9 })], []));
        Assert.Equal(StoreStatus.LeaseNotFound, r.Status);
        Assert.Equal(0, store.CurrentRevision);
        Assert.Equal(0, store.Range(new RangeRequest(KeyRange.All)).Count);
    }

    [Fact]
    public void Txn_IgnoreValueAfterDeleteInSameTxn_IsKeyNotFound()
    {
        using var store = new KvStore();
        store.Put(B("a"), B("1"));
        TxnResult r = store.Txn(new TxnRequest([], [new DeleteRangeOp(KeyRange.ForKey(B("a"))), new PutOp(B("a"), default, new PutOptions { IgnoreValue = true })], []));
        Assert.Equal(StoreStatus.KeyNotFound, r.Status);
        Assert.Equal(1, store.CurrentRevision);
    }

    [Fact]
    public void Put_IgnoreValue_KeepsValueAndChangesLease()
    {
        using var store = new KvStore();
        Assert.Equal(StoreStatus.Ok, store.GrantLease(5, 10));
        store.Put(B("a"), B("1"));
        PutResult r = store.Put(B("a"), default, new PutOptions { IgnoreValue = true, Lease = 5 });
        Assert.Equal(StoreStatus.Ok, r.Status);
        KeyValue kv = Assert.Single(store.Range(new RangeRequest(KeyRange.ForKey(B("a")))).Kvs);
        Assert.Equal(("1", 5L), (S(kv.Value), kv.Lease));
        Assert.Equal(StoreStatus.KeyNotFound, store.Put(B("missing"), default, new PutOptions { IgnoreValue = true }).Status);
    }

    [Fact]
    public void RevokeLease_DeletesAttachedKeysInOneRevisionInKeyOrder()
    {
        using var store = new KvStore();
        store.GrantLease(7, 30);
        store.Put(B("z"), B("1"), new PutOptions { Lease = 7 });
        store.Put(B("m"), B("1"), new PutOptions { Lease = 7 });
        store.Put(B("a"), B("1"), new PutOptions { Lease = 7 });
        store.Put(B("a"), B("2"));   // re-put without the lease detaches it
        Assert.Equal([B("m"), B("z")], store.GetLeaseKeys(7));
        DeleteRangeResult r = store.RevokeLease(7);
        Assert.Equal((2L, 5L), (r.Deleted, r.Revision));
        Assert.False(store.TryGetLease(7, out _));
        Assert.Equal(["a"], store.Range(new RangeRequest(KeyRange.All)).Kvs.Select(kv => S(kv.Key)));
        Assert.Equal(StoreStatus.LeaseNotFound, store.RevokeLease(7).Status);
    }

    [Fact]
    public void GrantLease_TwiceOrInvalid_IsRejected()
    {
        using var store = new KvStore();
        Assert.Equal(StoreStatus.Ok, store.GrantLease(1, 5));
        Assert.Equal(StoreStatus.LeaseExists, store.GrantLease(1, 5));
        Assert.Equal(StoreStatus.InvalidArgument, store.GrantLease(0, 5));
        Assert.Equal(StoreStatus.InvalidArgument, store.GrantLease(2, 0));
        Assert.Equal([new Leases.LeaseInfo(1, 5, 0)], store.ListLeases());
    }

    [Fact]
    public void Compact_ReadsBelowAnswerCompacted_AtOrAboveUnchanged()
    {
        using var store = new KvStore(new StoreOptions { CompactionBatchSize = 2 });
        for (int i = 0; i < 10; i++)
        {
            store.Put(B($"k{i % 3}"), B($"{i}"));
        }
        store.DeleteRange(KeyRange.ForKey(B("k0")));
        RangeResult atSix = store.Range(new RangeRequest(KeyRange.All) { Revision = 6 });
        Assert.Equal(StoreStatus.Ok, store.Compact(6));
        Assert.Equal(StoreStatus.Compacted, store.Range(new RangeRequest(KeyRange.All) { Revision = 5 }).Status);
        Assert.Equal(atSix.Kvs, store.Range(new RangeRequest(KeyRange.All) { Revision = 6 }).Kvs);
        Assert.Equal(StoreStatus.Compacted, store.Compact(6));
        Assert.Equal(StoreStatus.FutureRevision, store.Compact(12));
        Assert.Equal(StoreStatus.Ok, store.Compact(11));
        Assert.Equal(3, store.IndexedKeyCount);   // k0's tombstone is at 11: still watchable from 11
        store.Put(B("x"), B("1"));
        Assert.Equal(4, store.IndexedKeyCount);
        Assert.Equal(StoreStatus.Ok, store.Compact(12));
        Assert.Equal(3, store.IndexedKeyCount);   // k0 was deleted below 12: gone from the index
    }

    [Fact]
    public void Range_InReadBatchesOfOneKey_AnswersAsInOneBatch()
    {
        using var batched = new KvStore(new StoreOptions { ReadBatchSize = 1 });
        using var whole = new KvStore();
        foreach (KvStore store in new[] { batched, whole })
        {
            for (int i = 0; i < 30; i++)
            {
                store.Put(B($"k{i % 11:D2}"), B($"{(i * 7) % 5}"));
                if (i % 4 == 0)
                {
                    store.DeleteRange(KeyRange.ForKey(B($"k{i % 7:D2}")));
                }
            }
        }
        RangeRequest[] requests =
        [
            new(KeyRange.All),
            new(KeyRange.Prefix(B("k0"))) { Limit = 3 },
            new(KeyRange.All) { Revision = 12, SortTarget = SortTarget.Value, SortOrder = SortOrder.Descend, KeysOnly = true },
            new(new KeyRange(B("k03"), B("k09"))) { CountOnly = true },
            new(KeyRange.All) { MinModRevision = 20, Limit = 2 },
        ];
        foreach (RangeRequest request in requests)
        {
            RangeResult a = batched.Range(request), b = whole.Range(request);
            Assert.Equal((b.Status, b.Count, b.More, b.Revision), (a.Status, a.Count, a.More, a.Revision));
            Assert.Equal(b.Kvs, a.Kvs);
        }
    }
}

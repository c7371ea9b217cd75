using RaftOrchestrator.Storage.Mvcc;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Snapshots;

public sealed class SnapshotTests
{
    private static async Task<byte[]> SnapshotOfAsync(KvStore store)
    {
        using var buffer = new MemoryStream();
        await store.WriteSnapshotAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    [Fact]
    public async Task Restore_EmptyStore_IsEmpty()
    {
        using var store = new KvStore();
        using KvStore restored = KvStore.Restore(new MemoryStream(await SnapshotOfAsync(store)));
        Assert.Equal((0L, 0L), (restored.CurrentRevision, restored.CompactRevision));
        Assert.Equal(1, restored.Put(B("a"), B("1")).Revision);
    }

    [Fact]
    public async Task Restore_AfterCompaction_KeepsHistoryLeasesAndContinuesRevisions()
    {
        using var store = new KvStore(new StoreOptions { SnapshotBatchSize = 2 });
        store.GrantLease(3, 60);
        for (int i = 0; i < 9; i++)
        {
            store.Put(B($"k{i % 4}"), B($"v{i}"), new PutOptions { Lease = i % 2 == 0 ? 3 : 0 });
        }
        store.DeleteRange(KeyRange.ForKey(B("k1")));
        store.Compact(5);
        using KvStore restored = KvStore.Restore(new MemoryStream(await SnapshotOfAsync(store)));
        Assert.Equal((10L, 5L), (restored.CurrentRevision, restored.CompactRevision));
        for (long rev = 5; rev <= 10; rev++)
        {
            Assert.Equal(store.Range(new RangeRequest(KeyRange.All) { Revision = rev }).Kvs,
                restored.Range(new RangeRequest(KeyRange.All) { Revision = rev }).Kvs);
        }
        Assert.Equal(StoreStatus.Compacted, restored.Range(new RangeRequest(KeyRange.All) { Revision = 4 }).Status);
        Assert.Equal(store.GetLeaseKeys(3), restored.GetLeaseKeys(3));
        Assert.Equal(11, restored.Put(B("new"), B("1")).Revision);
    }

    [Fact]
    public async Task Restore_WrongVersion_IsRejected()
    {
        using var store = new KvStore();
        store.Put(B("a"), B("1"));
        byte[] bytes = await SnapshotOfAsync(store);
        bytes[8] = 99;
        var e = Assert.Throws<InvalidDataException>(() => KvStore.Restore(new MemoryStream(bytes)));
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_Truncated_IsRejected()
    {
        using var store = new KvStore();
        store.Put(B("a"), B("1"));
        byte[] bytes = await SnapshotOfAsync(store);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => KvStore.Restore(new MemoryStream(bytes, 0, length)));
        }
    }
}

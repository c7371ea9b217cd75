using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Mvcc;

/// <summary>One writer, concurrent readers, a slow watcher and a snapshot, all at once; bounded in count and time.</summary>
public sealed class KvStoreConcurrencyTests
{
    private const int Writes = 20_000;
    private const int Keys = 64;

    [Fact]
    public async Task WriterReadersWatcherSnapshot_Concurrently_SeeConsistentHistory()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var kv = new KvStore(new StoreOptions { CompactionBatchSize = 7, SnapshotBatchSize = 13, WatchStreamCapacity = 3 });
        using var hub = new WatchableStore(kv);
        using WatchStream stream = hub.NewWatchStream();
        long watchId = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 1 }).WatchId;
        using var done = new CancellationTokenSource();

        Task writer = Task.Run(() =>
        {
            for (int i = 1; i <= Writes; i++)
            {
                // Every revision's value is its own revision number, so readers can check what they see.
                Assert.Equal(i, kv.Put(B($"k{i % Keys:D2}"), B($"{i}")).Revision);
                if (i % 4_000 == 0)
                {
                    Assert.Equal(StoreStatus.Ok, kv.Compact(i - 3_000));
                }
            }
        }, ct);
        Task[] readers = [.. Enumerable.Range(0, 2).Select(seed => Task.Run(() => Read(kv, seed, done.Token), ct))];
        Task<(long Revision, byte[] Bytes)> snapshot = Task.Run(async () =>
        {
            while (kv.CurrentRevision < Writes / 2)
            {
                await Task.Yield();
            }
            using var buffer = new MemoryStream();
            long at = await kv.WriteSnapshotAsync(buffer, ct);
            return (at, buffer.ToArray());
        }, ct);

        long expected = 1;
        int resumed = 0;
        await foreach (WatchResponse response in stream.ReadAllAsync(ct))
        {
            Assert.Equal(watchId, response.WatchId);
            if (response.Kind == WatchResponseKind.Canceled)
            {
                // Fell behind a compaction: legitimate only if the compaction passed the next revision we need.
                Assert.True(response.CompactRevision > expected, $"compacted at {response.CompactRevision}, needed {expected}");
                Assert.True(++resumed < 10);
                expected = response.CompactRevision;
                watchId = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = expected }).WatchId;
                continue;
            }
            Assert.Equal(WatchResponseKind.Events, response.Kind);
            foreach (WatchEvent e in response.Events.Span)
            {
                Assert.Equal(expected++, e.Kv.ModRevision);
            }
            if (expected > Writes)
            {
                break;
            }
        }
        await writer;
        await done.CancelAsync();
        await Task.WhenAll(readers);

        (long at, byte[] bytes) = await snapshot;
        using KvStore restored = KvStore.Restore(new MemoryStream(bytes));
        Assert.Equal(at, restored.CurrentRevision);
        RangeResult original = kv.Range(new RangeRequest(KeyRange.All) { Revision = Math.Max(at, kv.CompactRevision) });
        if (at >= kv.CompactRevision)
        {
            Assert.Equal(original.Kvs, restored.Range(new RangeRequest(KeyRange.All) { Revision = at }).Kvs);
        }
        Assert.Equal(Keys, restored.Range(new RangeRequest(KeyRange.All)).Count);
    }

    private static void Read(KvStore kv, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        int reads = 0;
        while (!stop.IsCancellationRequested && reads++ < 200_000)
        {
            long current = kv.CurrentRevision;
            long compact = kv.CompactRevision;
            if (current == 0)
            {
                continue;
            }
            long rev = compact + (long)(random.NextDouble() * (current - compact));
            RangeResult first = kv.Range(new RangeRequest(KeyRange.All) { Revision = Math.Max(rev, 1) });
            if (first.Status == StoreStatus.Compacted)
            {
                continue;   // compaction overtook the pick
            }
            Assert.Equal(StoreStatus.Ok, first.Status);
            Assert.Equal(Math.Min(first.Revision, Keys), first.Count);
            foreach (KeyValue v in first.Kvs)
            {
                Assert.True(v.ModRevision <= first.Revision);
                Assert.Equal(v.ModRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), S(v.Value));
            }
            RangeResult again = kv.Range(new RangeRequest(KeyRange.All) { Revision = first.Revision });
            Assert.True(again.Status == StoreStatus.Compacted || again.Kvs.SequenceEqual(first.Kvs));
        }
    }
}

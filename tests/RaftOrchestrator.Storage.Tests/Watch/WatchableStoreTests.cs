using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;
using static RaftOrchestrator.Storage.Tests.Utf8;

namespace RaftOrchestrator.Storage.Tests.Watch;

public sealed class WatchableStoreTests
{
    private static WatchableStore NewHub(StoreOptions? options = null) => new(new KvStore(options));

    [Fact]
    public async Task Watch_FromNow_DeliversEachRevisionWithPrevKv()
    {
        using WatchableStore hub = NewHub();
        hub.Kv.Put(B("a"), B("0"));
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.Prefix(B("a"))) { PrevKv = true }).WatchId;
        hub.Kv.Put(B("a"), B("1"));
        hub.Kv.Put(B("b"), B("x"));
        hub.Kv.DeleteRange(KeyRange.ForKey(B("a")));
        List<WatchResponse> got = await stream.ReadUntilAsync(r => r.EventsOf(id).Count() == 2);
        WatchEvent[] events = [.. got.EventsOf(id)];
        Assert.Equal((WatchEventType.Put, 2L, "0"), (events[0].Type, events[0].Kv.ModRevision, S(events[0].PrevKv!.Value.Value)));
        Assert.Equal((WatchEventType.Delete, 4L, "1"), (events[1].Type, events[1].Kv.ModRevision, S(events[1].PrevKv!.Value.Value)));
        Assert.True(got[0].PrevKv);
    }

    [Fact]
    public async Task Watch_FromTheFuture_StartsAtItsRevision()
    {
        using WatchableStore hub = NewHub();
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 3 }).WatchId;
        for (int i = 0; i < 4; i++)
        {
            hub.Kv.Put(B("k"), B($"{i}"));
        }
        List<WatchResponse> got = await stream.ReadUntilAsync(r => r.EventsOf(id).Any(e => e.Kv.ModRevision == 4));
        Assert.Equal([3L, 4L], got.EventsOf(id).Select(e => e.Kv.ModRevision));
    }

    [Fact]
    public async Task Watch_FromCompactedRevision_IsCanceledWithCompactRevision()
    {
        using WatchableStore hub = NewHub();
        for (int i = 0; i < 5; i++)
        {
            hub.Kv.Put(B("k"), B($"{i}"));
        }
        hub.Kv.Compact(4);
        using WatchStream stream = hub.NewWatchStream();
        WatchCreateResult created = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 2 });
        WatchResponse response = Assert.Single(await stream.ReadUntilAsync(r => r.Count == 1));
        Assert.Equal((created.WatchId, WatchResponseKind.Canceled, 4L), (response.WatchId, response.Kind, response.CompactRevision));
        WatchCreateResult atPoint = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 4 });
        List<WatchResponse> fromPoint = await stream.ReadUntilAsync(r => r.EventsOf(atPoint.WatchId).Count() == 2);
        Assert.Equal([4L, 5L], fromPoint.EventsOf(atPoint.WatchId).Select(e => e.Kv.ModRevision));
    }

    [Fact]
    public async Task Watch_SlowReader_BecomesVictimAndLosesNothing()
    {
        using WatchableStore hub = NewHub(new StoreOptions { WatchStreamCapacity = 2, MaxEventsPerResponse = 3 });
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All)).WatchId;
        for (int i = 0; i < 200; i++)
        {
            hub.Kv.Put(B($"k{i % 7}"), B($"{i}"));
        }
        Assert.True(hub.WatcherCounts.Victims + hub.WatcherCounts.Unsynced > 0);
        List<WatchResponse> got = await stream.ReadUntilAsync(r => r.EventsOf(id).LastOrDefault()?.Kv.ModRevision == 200);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), got.EventsOf(id).Select(e => e.Kv.ModRevision));
        Assert.Equal((1, 0, 0), hub.WatcherCounts);
    }

    [Fact]
    public async Task Watch_ReplayOfManyRevisions_IsOrderedWithWholeRevisionsPerResponse()
    {
        using WatchableStore hub = NewHub(new StoreOptions { MaxEventsPerResponse = 4 });
        for (int i = 0; i < 50; i++)
        {
            hub.Kv.Txn(new TxnRequest([], [new PutOp(B($"a{i}"), B("1")), new PutOp(B($"b{i}"), B("1")), new PutOp(B($"c{i}"), B("1"))], []));
        }
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 1 }).WatchId;
        List<WatchResponse> got = await stream.ReadUntilAsync(r => r.EventsOf(id).Count() == 150);
        Assert.All(got, r => Assert.Equal(0, r.Events.Length % 3));
        Assert.All(got, r => Assert.True(r.Events.Length <= 6));
        Assert.Equal(Enumerable.Range(1, 50).SelectMany(i => Enumerable.Repeat((long)i, 3)), got.EventsOf(id).Select(e => e.Kv.ModRevision));
    }

    [Fact]
    public async Task Cancel_DuringReplay_NoEventAfterCanceledResponse()
    {
        using WatchableStore hub = NewHub(new StoreOptions { WatchStreamCapacity = 1, MaxEventsPerResponse = 1 });
        for (int i = 0; i < 100; i++)
        {
            hub.Kv.Put(B("k"), B($"{i}"));
        }
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All) { StartRevision = 1 }).WatchId;
        List<WatchResponse> first = await stream.ReadUntilAsync(r => r.Count == 3);
        Assert.True(stream.Cancel(id));
        Assert.False(stream.Cancel(id));
        List<WatchResponse> rest = await stream.ReadUntilAsync(r => r.Any(x => x.Kind == WatchResponseKind.Canceled));
        Assert.Equal(WatchResponseKind.Canceled, rest[^1].Kind);
        hub.Kv.Put(B("k"), B("after"));
        Assert.False(stream.TryRead(out _));
        long[] revisions = [.. first.Concat(rest).EventsOf(id).Select(e => e.Kv.ModRevision)];
        Assert.Equal(Enumerable.Range(1, revisions.Length).Select(i => (long)i), revisions);
        Assert.True(revisions.Length < 100);
        Assert.Equal((0, 0, 0), hub.WatcherCounts);
    }

    [Fact]
    public async Task RequestProgress_AllSynced_SendsBookmarkAtNotifiedRevision()
    {
        using WatchableStore hub = NewHub();
        using WatchStream stream = hub.NewWatchStream();
        stream.Watch(new WatchRequest(KeyRange.ForKey(B("other"))));
        hub.Kv.Put(B("k"), B("1"));
        hub.Kv.Put(B("k"), B("2"));
        stream.RequestProgress();
        WatchResponse progress = Assert.Single(await stream.ReadUntilAsync(r => r.Count == 1));
        Assert.Equal((WatchResponse.StreamWatchId, WatchResponseKind.Progress, 2L), (progress.WatchId, progress.Kind, progress.Revision));
    }

    [Fact]
    public async Task ProgressNotify_AfterInterval_SendsPerWatcherBookmark()
    {
        var clock = new FakeTimeProvider();
        using WatchableStore hub = NewHub(new StoreOptions { TimeProvider = clock, ProgressNotifyInterval = TimeSpan.FromSeconds(5), WatchResyncPeriod = TimeSpan.FromMilliseconds(10) });
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All) { ProgressNotify = true }).WatchId;
        hub.Kv.Put(B("k"), B("1"));
        await stream.ReadUntilAsync(r => r.Count == 1);
        Assert.False(stream.TryRead(out _));
        // The loop may not have armed its (fake) timer yet: advance in steps until the bookmark comes.
        WatchResponse progress = default;
        for (int step = 0; step < 50 && !stream.TryRead(out progress); step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.Equal((id, WatchResponseKind.Progress, 1L), (progress.WatchId, progress.Kind, progress.Revision));
    }

    [Fact]
    public async Task FanOut_ManyWatchers_ShareOneEventEncodedOnce()
    {
        using WatchableStore hub = NewHub();
        var streams = Enumerable.Range(0, 50).Select(_ => hub.NewWatchStream()).ToList();
        try
        {
            foreach (WatchStream s in streams)
            {
                s.Watch(new WatchRequest(KeyRange.ForKey(B("k"))));
            }
            hub.Kv.Put(B("k"), B("v"));
            var encoder = new CountingEncoder();
            var seen = new List<WatchEvent>();
            foreach (WatchStream s in streams)
            {
                WatchResponse r = Assert.Single(await s.ReadUntilAsync(x => x.Count == 1));
                WatchEvent e = Assert.Single(r.Events.ToArray());
                Assert.Equal("v", S(e.GetEncoded(encoder)));
                seen.Add(e);
            }
            Assert.All(seen, e => Assert.Same(seen[0], e));
            Assert.Equal(1, encoder.Calls);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Watch_DuplicateIdOrEmptyKey_IsInvalidArgument()
    {
        using WatchableStore hub = NewHub();
        using WatchStream stream = hub.NewWatchStream();
        Assert.Equal(StoreStatus.Ok, stream.Watch(new WatchRequest(KeyRange.All) { WatchId = 5 }).Status);
        Assert.Equal(StoreStatus.InvalidArgument, stream.Watch(new WatchRequest(KeyRange.All) { WatchId = 5 }).Status);
        Assert.Equal(StoreStatus.InvalidArgument, stream.Watch(new WatchRequest(KeyRange.ForKey(Array.Empty<byte>()))).Status);
        Assert.Equal(0, stream.Watch(new WatchRequest(KeyRange.All)).WatchId);
    }

    [Fact]
    public async Task ReplaceStore_RestoredSnapshot_WatchersResumeWithoutGap()
    {
        using WatchableStore hub = NewHub();
        using WatchStream stream = hub.NewWatchStream();
        long id = stream.Watch(new WatchRequest(KeyRange.All)).WatchId;
        hub.Kv.Put(B("a"), B("1"));
        await stream.ReadUntilAsync(r => r.EventsOf(id).Count() == 1);
        using var other = new KvStore();
        for (int i = 0; i < 3; i++)
        {
            other.Put(B("b"), B($"{i}"));
        }
        using var snapshot = new MemoryStream();
        await other.WriteSnapshotAsync(snapshot, TestContext.Current.CancellationToken);
        snapshot.Position = 0;
        hub.ReplaceStore(KvStore.Restore(snapshot));
        hub.Kv.Put(B("c"), B("1"));
        List<WatchResponse> got = await stream.ReadUntilAsync(r => r.EventsOf(id).Any(e => e.Kv.ModRevision == 4));
        Assert.Equal([2L, 3L, 4L], got.EventsOf(id).Select(e => e.Kv.ModRevision));
    }

    private sealed class CountingEncoder : IWatchEventEncoder
    {
        public int Calls;

        public ReadOnlyMemory<byte> Encode(WatchEvent watchEvent)
        {
            Interlocked.Increment(ref Calls);
            return watchEvent.Kv.Value.ToArray();
        }
    }
}

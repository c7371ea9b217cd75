using FsCheck.Xunit;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Property b: every watch opened before, during or after a random history receives exactly the model's events
/// for its range from its start revision: in order, without gaps or duplicates, whole revisions per response,
/// with the right Kv and PrevKv, also when tiny stream capacities make watchers victims that must catch up
/// from history; bookmarks vouch only for what was delivered; a start below the compaction point gets a
/// compacted cancel and nothing else. The second property adds <see cref="WatchableStore.ReplaceStore"/> with a
/// restored snapshot.
/// </summary>
public sealed class WatchPropertyTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(5);

    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccArbitraries)])]
    public Task WatchableStore_RandomHistoryAndWatches_DeliverModelEvents(WatchScenario scenario) => CheckAsync(scenario);

    /// <summary>The same while the hub's store is replaced by restored snapshots: every watcher resumes without loss.</summary>
    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccEdgeArbitraries)])]
    public Task WatchableStore_ReplaceStoreDuringHistory_WatchersResumeWithModelEvents(WatchScenario scenario) => CheckAsync(scenario);

    private static async Task CheckAsync(WatchScenario scenario)
    {
        var options = new StoreOptions
        {
            WatchStreamCapacity = scenario.StreamCapacity,
            MaxEventsPerResponse = scenario.MaxEventsPerResponse,
            WatchResyncPeriod = TimeSpan.FromMilliseconds(scenario.ResyncMilliseconds),
        };
        var stores = new List<KvStore> { new(options) };
        try
        {
            var model = new MvccModel();
            using var hub = new WatchableStore(stores[0]);
            using var harness = new WatchHarness(hub, model);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(s_deadline);
            try
            {
                for (int i = 0; i < scenario.Ops.Length; i++)
                {
                    await RunAsync(scenario, i, hub, model, harness, stores, deadline.Token);
                }
                await harness.FinishAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {s_deadline.TotalSeconds} s waiting for watch responses.\n{harness.Describe()}");
            }
            harness.Verify(scenario.SettleBeforeCompaction);
        }
        finally
        {
            foreach (KvStore store in stores)
            {
                store.Dispose();
            }
        }
    }

    private static async Task RunAsync(
        WatchScenario scenario,
        int index,
        WatchableStore hub,
        MvccModel model,
        WatchHarness harness,
        List<KvStore> stores,
        CancellationToken cancellationToken)
    {
        StoreOp op = scenario.Ops[index];
        switch (op)
        {
            case CreateWatchOp create:
                harness.Create(create);
                return;
            case CancelWatchOp cancel:
                harness.Cancel(cancel);
                return;
            case DrainWatchesOp:
                harness.Drain();
                return;
            case RequestProgressOp progress:
                harness.RequestProgress(progress);
                return;
            case ReplaceStoreOp:
                using (var buffer = new MemoryStream())
                {
                    await hub.Kv.WriteSnapshotAsync(buffer, cancellationToken);
                    buffer.Position = 0;
                    stores.Add(KvStore.Restore(buffer, hub.Kv.Options));
                }
                hub.ReplaceStore(stores[^1]);
                return;
        }
        if (op is CompactStoreOp && scenario.SettleBeforeCompaction)
        {
            await harness.SettleAsync(cancellationToken);
        }
        KvStore kv = hub.Kv;
        ModelResult expected = StoreOpRunner.OnModel(model, op);
        StoreOpRunner.OnStore(kv, op);
        if (kv.CurrentRevision != model.CurrentRevision || kv.CompactRevision != model.CompactRevision)
        {
            Assert.Fail($"op #{index} {op}: store at revision {kv.CurrentRevision} compacted at {kv.CompactRevision}, "
                + $"model at {model.CurrentRevision} compacted at {model.CompactRevision}");
        }
        if (op is CompactStoreOp && expected is ModelStatusResult { Status: StoreStatus.Ok })
        {
            harness.OnCompacted(model.CompactRevision);
        }
    }
}

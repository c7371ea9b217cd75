using FsCheck.Xunit;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Property c: a snapshot restores into a store that answers exactly like the original (ranges at every
/// readable revision, leases, revisions), keeps doing so as both run the rest of the history, and snapshots
/// to the same bytes; a snapshot with any one byte changed, or cut short, is refused with InvalidDataException.
/// </summary>
public sealed class SnapshotPropertyTests
{
    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccArbitraries)])]
    public async Task WriteSnapshotAsync_RandomHistory_RestoredStoreAnswersLikeOriginal(SnapshotScenario scenario)
    {
        StoreOptions options = OptionsOf(scenario);
        using var original = new KvStore(options);
        for (int i = 0; i < scenario.SnapshotAt; i++)
        {
            StoreOpRunner.OnStore(original, scenario.Ops[i]);
        }
        byte[] snapshot = await SnapshotOfAsync(original);
        using KvStore restored = KvStore.Restore(new MemoryStream(snapshot), options);
        Expect.Same(StateDump.Of(original), StateDump.Of(restored), "restored store");
        Assert.Equal(snapshot, await SnapshotOfAsync(restored));

        for (int i = scenario.SnapshotAt; i < scenario.Ops.Length; i++)
        {
            StoreOp op = scenario.Ops[i];
            string expected = StoreOpRunner.OnStore(original, op).ToString();
            string actual = StoreOpRunner.OnStore(restored, op).ToString();
            Expect.Same(expected, actual, $"op #{i} {op} on the original (expected) and the restored store (actual)");
        }
        Expect.Same(StateDump.Of(original), StateDump.Of(restored), "restored store after the rest of the history");
    }

    [Property(MaxTest = 1000, QuietOnSuccess = true, Arbitrary = [typeof(MvccArbitraries)])]
    public async Task Restore_SnapshotWithOneByteChangedOrCutShort_ThrowsInvalidDataException(SnapshotScenario scenario)
    {
        StoreOptions options = OptionsOf(scenario);
        using var original = new KvStore(options);
        foreach (StoreOp op in scenario.Ops)
        {
            StoreOpRunner.OnStore(original, op);
        }
        byte[] snapshot = await SnapshotOfAsync(original);
        using (KvStore intact = KvStore.Restore(new MemoryStream(snapshot), options))
        {
            Assert.Equal(original.CurrentRevision, intact.CurrentRevision);
        }

        foreach (ByteFlip flip in scenario.Flips)
        {
            byte[] damaged = (byte[])snapshot.Clone();
            int position = flip.PositionIn(damaged.Length);
            damaged[position] ^= flip.Mask;
            AssertRefused(damaged, options, $"byte {position} of {damaged.Length} XOR 0x{flip.Mask:x2}");
        }
        foreach (int seed in scenario.TruncationSeeds)
        {
            int length = (int)((uint)seed % (uint)snapshot.Length);
            AssertRefused(snapshot[..length], options, $"cut to {length} of {snapshot.Length} bytes");
        }
    }

    private static StoreOptions OptionsOf(SnapshotScenario scenario) =>
        new() { SnapshotBatchSize = scenario.SnapshotBatchSize, CompactionBatchSize = scenario.CompactionBatchSize };

    private static async Task<byte[]> SnapshotOfAsync(KvStore store)
    {
        using var buffer = new MemoryStream();
        long revision = await store.WriteSnapshotAsync(buffer, TestContext.Current.CancellationToken);
        Assert.Equal(store.CurrentRevision, revision);
        return buffer.ToArray();
    }

    private static void AssertRefused(byte[] damaged, StoreOptions options, string damage)
    {
        Exception? thrown = Record.Exception(() =>
        {
            using KvStore restored = KvStore.Restore(new MemoryStream(damaged), options);
        });
        if (thrown is not InvalidDataException)
        {
            Assert.Fail($"Restore of a snapshot with {damage}: expected InvalidDataException, "
                + $"got {(thrown is null ? "a store" : thrown.ToString())}");
        }
    }
}

using System.Buffers.Binary;
using RaftOrchestrator.Consensus.Hosting;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>
/// The acknowledgement-time invariant of etcd's durability (dotnext-durability.md, T1): when a write is
/// acknowledged at log index i, at least two of three members have i on stable storage. "On stable storage"
/// is read from DotNext's checkpoint file, which is written only after the pages it covers are flushed, and
/// past which recovery trusts nothing. Checked both ways: stock DotNext follower appends break it, ours keep it.
/// </summary>
public sealed class DurabilityTests
{
    private const int Writes = 400;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DurableFollowerAppends_EveryAcknowledgedWrite_IsFlushedOnAMajority()
    {
        (int notOnMajority, _) = await MeasureAsync(durable: true);
        Assert.Equal(0, notOnMajority);
    }

    [Fact]
    public async Task StockFollowerAppends_SomeAcknowledgedWrites_AreOnlyInMemoryOnTheFollowers()
    {
        (int notOnMajority, _) = await MeasureAsync(durable: false);
        Assert.True(notOnMajority > 0, "stock DotNext followers acknowledge before flushing; if this holds, the durable log may be unnecessary");
    }

    /// <summary>Guard against a DotNext upgrade that stops routing follower appends through our log.</summary>
    [Fact]
    public async Task DurableFollowerAppends_AfterReplicatedWrites_EveryFollowerWaitedForItsFlush()
    {
        (_, long[] flushes) = await MeasureAsync(durable: true, writes: 20);
        Assert.Equal(2, flushes.Count(f => f > 0));
    }

    private static async Task<(int NotOnMajority, long[] FollowerFlushes)> MeasureAsync(bool durable, int writes = Writes)
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(3, Ct, o => o with { DurableFollowerAppends = durable });
        ReplicatedStore leader = await cluster.WaitForLeaderAsync(Ct);
        await PutAsync(leader, "/warm", "x", Ct);
        int notOnMajority = 0;
        for (int i = 0; i < writes; i++)
        {
            await PutAsync(leader, $"/d/{i:D5}", "value", Ct);
            long index = leader.GetStatus().AppliedIndex;   // one writer: the acknowledged entry is the last one applied
            int durableCopies = cluster.Options.Count(o => CheckpointLastIndex(o.DataDirectory) >= index);
            if (durableCopies < 2)
            {
                notOnMajority++;
            }
        }
        long[] flushes = [.. cluster.Replicas.OfType<ReplicatedStore>().Where(r => !r.IsLeader).Select(r => r.GetStatus().FollowerFlushes)];
        return (notOnMajority, flushes);
    }

    /// <summary>DotNext 6.12's wal/checkpoint: u32 version (1), i64 commit index, i64 last index, little-endian.</summary>
    private static long CheckpointLastIndex(string dataDirectory)
    {
        string file = Path.Combine(dataDirectory, "wal", "checkpoint");
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> bytes = stackalloc byte[20];
        stream.ReadExactly(bytes);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));   // the format this test understands
        return BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
    }
}

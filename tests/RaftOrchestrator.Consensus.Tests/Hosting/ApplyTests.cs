using System.Buffers;
using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>Exactly-once application and the envelope's compatibility rule, through a real replica.</summary>
public sealed class ApplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameEntryAppendedTwice_AsARetryAfterALeaderChangeWould_IsAppliedOnce()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct);
        ReplicatedStore replica = cluster.Replicas[0]!;
        long before = replica.Store.Kv.CurrentRevision;
        byte[] entry = Entry(new RequestId(42, 1), 1, TxnCodec.EncodeCommand(Put("/once", "1")));
        Assert.Equal(PeerStatus.Ok, (await replica.AcceptForwardedAsync(entry, Ct)).Status);
        Assert.Equal(PeerStatus.Ok, (await replica.AcceptForwardedAsync(entry, Ct)).Status);
        Assert.Equal(before + 1, replica.Store.Kv.CurrentRevision);
        Assert.Equal(1, replica.Store.Kv.Range(new(new(B("/once"), default))).Kvs[0].Version);
    }

    [Fact]
    public async Task UnknownCommandWithTheIgnoreBit_IsSkippedAndTheRestOfTheEntryApplies()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct);
        ReplicatedStore replica = cluster.Replicas[0]!;
        var future = new EncodedCommand((byte)(0x7e | CommandTypes.IgnoreIfUnknown), 9, new byte[] { 1, 2, 3 });
        byte[] entry = Entry(new RequestId(43, 1), 1, future, TxnCodec.EncodeCommand(Put("/after-unknown", "ok")));
        Assert.Equal(PeerStatus.Ok, (await replica.AcceptForwardedAsync(entry, Ct)).Status);
        Assert.Equal("ok", await GetAsync(replica, "/after-unknown", Ct));
    }

    [Fact]
    public async Task ForwardedBytesThatAreNotAnEntry_AreRefusedBeforeTheLog()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct);
        ReplicatedStore replica = cluster.Replicas[0]!;
        long index = replica.GetStatus().LastIndex;
        Assert.Equal(PeerStatus.Invalid, (await replica.AcceptForwardedAsync(new byte[] { 77, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29 }, Ct)).Status);
        Assert.Equal(index, replica.GetStatus().LastIndex);
    }

    private static byte[] Entry(RequestId id, ulong floor, params EncodedCommand[] commands)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new EntryHeader(id, floor, commands.Length).Write(buffer);
        foreach (EncodedCommand command in commands)
        {
            command.WriteTo(buffer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}

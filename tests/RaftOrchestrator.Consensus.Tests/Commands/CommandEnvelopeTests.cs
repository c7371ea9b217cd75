using System.Buffers;
using FsCheck.Xunit;
using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class CommandEnvelopeTests
{
    [Property(MaxTest = 1000)]
    public bool WriteHeaderThenTryRead_AnyEnvelopeAndPayload_RoundTrips(byte typeByte, byte version, ulong client, ulong sequence, byte[] payload)
    {
        var envelope = new CommandEnvelope(typeByte, version, new RequestId(client, sequence));
        var buffer = new ArrayBufferWriter<byte>();
        envelope.WriteHeader(buffer);
        buffer.Write(payload ?? []);
        return CommandEnvelope.TryRead(buffer.WrittenSpan, out CommandEnvelope read, out ReadOnlySpan<byte> body)
            && read == envelope
            && body.SequenceEqual(payload ?? []);
    }

    [Fact]
    public void Constructor_IgnoreIfUnknown_SetsHighBitAndKeepsType()
    {
        var envelope = new CommandEnvelope(CommandType.LeaseCheckpoint, 1, RequestId.None, ignoreIfUnknown: true);
        Assert.Equal(0x85, envelope.TypeByte);
        Assert.Equal(CommandType.LeaseCheckpoint, envelope.Type);
        Assert.True(envelope.IgnoreIfUnknown);
        Assert.False(new CommandEnvelope(CommandType.Txn, 1, RequestId.None).IgnoreIfUnknown);
    }

    [Fact]
    public void TryRead_EntryShorterThanHeader_IsFalse()
    {
        Assert.False(CommandEnvelope.TryRead([], out _, out _));   // Raft's no-op entries are empty
        Assert.False(CommandEnvelope.TryRead(new byte[CommandEnvelope.HeaderSize - 1], out _, out _));
    }

    [Fact]
    public void WriteHeader_Layout_IsTheDocumentedWireFormat()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new CommandEnvelope(CommandType.Txn, 2, new RequestId(0x0102030405060708, 9)).WriteHeader(buffer);
        Assert.Equal(
            new byte[] { 1, 2, 8, 7, 6, 5, 4, 3, 2, 1, 9, 0, 0, 0, 0, 0, 0, 0 },
            buffer.WrittenSpan.ToArray());
    }
}

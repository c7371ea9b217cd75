using System.Buffers;
using FsCheck.Xunit;
using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class CommandEnvelopeTests
{
    [Property(MaxTest = 1000)]
    public bool WriteHeaderThenTryRead_AnyEnvelope_RoundTrips(byte typeByte, byte version, ushort length)
    {
        var envelope = new CommandEnvelope(typeByte, version, length);
        var buffer = new ArrayBufferWriter<byte>();
        envelope.WriteHeader(buffer);
        return CommandEnvelope.TryRead(buffer.WrittenSpan, out CommandEnvelope read) && read == envelope;
    }

    [Fact]
    public void Constructor_IgnoreIfUnknown_SetsHighBitAndKeepsType()
    {
        var envelope = new CommandEnvelope(CommandType.LeaseCheckpoint, 1, 0, ignoreIfUnknown: true);
        Assert.Equal(0x85, envelope.TypeByte);
        Assert.Equal(CommandType.LeaseCheckpoint, envelope.Type);
        Assert.True(envelope.IgnoreIfUnknown);
        Assert.False(new CommandEnvelope(CommandType.Txn, 1, 0).IgnoreIfUnknown);
    }

    [Fact]
    public void TryRead_ShorterThanHeaderOrNegativeLength_IsFalse()
    {
        Assert.False(CommandEnvelope.TryRead([], out _));
        Assert.False(CommandEnvelope.TryRead(new byte[CommandEnvelope.HeaderSize - 1], out _));
        Assert.False(CommandEnvelope.TryRead([1, 1, 0xff, 0xff, 0xff, 0xff], out _));
    }

    [Fact]
    public void WriteHeader_Layout_IsTheDocumentedWireFormat()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new CommandEnvelope(CommandType.Txn, 2, 0x0304).WriteHeader(buffer);
        Assert.Equal(new byte[] { 1, 2, 4, 3, 0, 0 }, buffer.WrittenSpan.ToArray());
    }
}

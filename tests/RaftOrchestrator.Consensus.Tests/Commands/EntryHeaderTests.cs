using System.Buffers;
using FsCheck.Xunit;
using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class EntryHeaderTests
{
    [Property(MaxTest = 500)]
    public bool WriteThenWalk_AnyCommands_RoundTrips(ulong client, ulong sequence, ulong floor, byte[][] payloads)
    {
        payloads = [.. (payloads ?? []).Select(p => p ?? [])];
        var buffer = new ArrayBufferWriter<byte>();
        new EntryHeader(new RequestId(client, sequence), floor, payloads.Length).Write(buffer);
        foreach (byte[] payload in payloads)
        {
            new EncodedCommand((byte)CommandType.Txn, 1, payload).WriteTo(buffer);
        }
        ReadOnlyMemory<byte> entry = buffer.WrittenMemory;
        if (!EntryHeader.TryRead(entry.Span, out EntryHeader header)
            || header != new EntryHeader(new RequestId(client, sequence), floor, payloads.Length))
        {
            return false;
        }
        var commands = new EntryCommands(entry, header);
        int i = 0;
        while (commands.MoveNext())
        {
            if (commands.Current.Type != CommandType.Txn || !commands.Payload.Span.SequenceEqual(payloads[i++]))
            {
                return false;
            }
        }
        return i == payloads.Length;
    }

    [Fact]
    public void TryRead_RaftEmptyEntry_IsFalse() => Assert.False(EntryHeader.TryRead([], out _));

    [Fact]
    public void TryRead_UnknownFormat_Throws()
    {
        byte[] entry = new byte[EntryHeader.HeaderSize];
        entry[0] = 99;
        Assert.Throws<InvalidDataException>(() => EntryHeader.TryRead(entry, out _));
    }

    [Fact]
    public void Walk_TruncatedOrTrailingBytes_Throws()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new EntryHeader(new RequestId(1, 1), 1, 1).Write(buffer);
        new EncodedCommand((byte)CommandType.Txn, 1, new byte[10]).WriteTo(buffer);
        byte[] whole = buffer.WrittenSpan.ToArray();
        Assert.Throws<InvalidDataException>(() => Walk(whole[..^1]));
        Assert.Throws<InvalidDataException>(() => Walk([.. whole, 0]));
        Assert.Equal(1, Walk(whole));
    }

    private static int Walk(byte[] entry)
    {
        Assert.True(EntryHeader.TryRead(entry, out EntryHeader header));
        var commands = new EntryCommands(entry, header);
        int n = 0;
        while (commands.MoveNext())
        {
            n++;
        }
        return n;
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// The header of a log entry written by this project: one proposal of one or more commands.
/// <code>
///   [0]       entry format, <see cref="Format"/>
///   [1..9)    client id, u64 little-endian      } the proposal's RequestId
///   [9..17)   sequence, u64 little-endian       }
///   [17..25)  floor, u64 little-endian: the proposer will never retry a sequence below it
///   [25..29)  command count, u32 little-endian
///   [29..)    the commands, each a CommandEnvelope and its payload
/// </code>
/// Raft's own entries (the leader's no-op, configuration changes) reach the state machine empty and are
/// not in this format.
/// </summary>
public readonly record struct EntryHeader(RequestId RequestId, ulong Floor, int CommandCount)
{
    public const int HeaderSize = 29;

    public const byte Format = 1;

    public void Write(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> header = writer.GetSpan(HeaderSize);
        header[0] = Format;
        BinaryPrimitives.WriteUInt64LittleEndian(header[1..], RequestId.ClientId);
        BinaryPrimitives.WriteUInt64LittleEndian(header[9..], RequestId.Sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(header[17..], Floor);
        BinaryPrimitives.WriteInt32LittleEndian(header[25..], CommandCount);
        writer.Advance(HeaderSize);
    }

    /// <summary>
    /// Reads the header of <paramref name="entry"/>: false when it is too short to hold one; a header of an
    /// unknown format or a negative count is <see cref="InvalidDataException"/> (the log is not ours or is damaged).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> entry, out EntryHeader header)
    {
        if (entry.Length < HeaderSize)
        {
            header = default;
            return false;
        }
        if (entry[0] != Format)
        {
            throw new InvalidDataException($"Log entry format {entry[0]} is not known to this build (it reads {Format}).");
        }
        int count = BinaryPrimitives.ReadInt32LittleEndian(entry[25..]);
        if (count < 0)
        {
            throw new InvalidDataException($"Log entry declares {count} commands.");
        }
        header = new EntryHeader(
            new RequestId(BinaryPrimitives.ReadUInt64LittleEndian(entry[1..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[9..])),
            BinaryPrimitives.ReadUInt64LittleEndian(entry[17..]),
            count);
        return true;
    }
}

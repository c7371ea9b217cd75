using System.Buffers;
using System.Buffers.Binary;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// The header in front of every command's payload in a Raft log entry:
/// <code>
///   [0]      type byte: CommandType in the low 7 bits, IgnoreIfUnknown in the high bit
///   [1]      format version of this command type's payload
///   [2..10)  client id, u64 little-endian
///   [10..18) sequence,  u64 little-endian
///   [18..)   payload (the command type's own encoding)
/// </code>
/// </summary>
public readonly record struct CommandEnvelope(byte TypeByte, byte FormatVersion, RequestId RequestId)
{
    public const int HeaderSize = 18;

    public CommandEnvelope(CommandType type, byte formatVersion, RequestId requestId, bool ignoreIfUnknown = false)
        : this((byte)((byte)type | (ignoreIfUnknown ? CommandTypes.IgnoreIfUnknown : 0)), formatVersion, requestId)
    {
    }

    public CommandType Type => (CommandType)(TypeByte & CommandTypes.TypeMask);

    public bool IgnoreIfUnknown => (TypeByte & CommandTypes.IgnoreIfUnknown) != 0;

    /// <summary>Writes the header; the caller appends the payload to the same writer.</summary>
    public void WriteHeader(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> header = writer.GetSpan(HeaderSize);
        header[0] = TypeByte;
        header[1] = FormatVersion;
        BinaryPrimitives.WriteUInt64LittleEndian(header[2..], RequestId.ClientId);
        BinaryPrimitives.WriteUInt64LittleEndian(header[10..], RequestId.Sequence);
        writer.Advance(HeaderSize);
    }

    /// <summary>Reads the header of <paramref name="entry"/>; false when it is too short to hold one (e.g. Raft's empty no-op entries).</summary>
    public static bool TryRead(ReadOnlySpan<byte> entry, out CommandEnvelope envelope, out ReadOnlySpan<byte> payload)
    {
        if (entry.Length < HeaderSize)
        {
            envelope = default;
            payload = default;
            return false;
        }
        envelope = new CommandEnvelope(entry[0], entry[1], new RequestId(
            BinaryPrimitives.ReadUInt64LittleEndian(entry[2..]),
            BinaryPrimitives.ReadUInt64LittleEndian(entry[10..])));
        payload = entry[HeaderSize..];
        return true;
    }
}

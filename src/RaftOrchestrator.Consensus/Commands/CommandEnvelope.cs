using System.Buffers;
using System.Buffers.Binary;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// The header in front of each command inside a log entry (see <see cref="EntryHeader"/> for the entry):
/// <code>
///   [0]     type byte: CommandType in the low 7 bits, IgnoreIfUnknown in the high bit
///   [1]     format version of this command type's payload
///   [2..6)  payload length, u32 little-endian
///   [6..)   payload (the command type's own encoding)
/// </code>
/// </summary>
public readonly record struct CommandEnvelope(byte TypeByte, byte FormatVersion, int PayloadLength)
{
    public const int HeaderSize = 6;

    public CommandEnvelope(CommandType type, byte formatVersion, int payloadLength, bool ignoreIfUnknown = false)
        : this((byte)((byte)type | (ignoreIfUnknown ? CommandTypes.IgnoreIfUnknown : 0)), formatVersion, payloadLength)
    {
    }

    public CommandType Type => (CommandType)(TypeByte & CommandTypes.TypeMask);

    public bool IgnoreIfUnknown => (TypeByte & CommandTypes.IgnoreIfUnknown) != 0;

    /// <summary>Writes the header; the caller writes exactly <see cref="PayloadLength"/> payload bytes after it.</summary>
    public void WriteHeader(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> header = writer.GetSpan(HeaderSize);
        header[0] = TypeByte;
        header[1] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(header[2..], PayloadLength);
        writer.Advance(HeaderSize);
    }

    /// <summary>Reads one header; false when <paramref name="source"/> is too short or the length is negative.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out CommandEnvelope envelope)
    {
        if (source.Length < HeaderSize || BinaryPrimitives.ReadInt32LittleEndian(source[2..]) < 0)
        {
            envelope = default;
            return false;
        }
        envelope = new CommandEnvelope(source[0], source[1], BinaryPrimitives.ReadInt32LittleEndian(source[2..]));
        return true;
    }
}

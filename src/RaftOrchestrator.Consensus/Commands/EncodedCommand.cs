using System.Buffers;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>A command ready to go into a log entry: its envelope fields and its encoded payload.</summary>
public readonly record struct EncodedCommand(byte TypeByte, byte FormatVersion, ReadOnlyMemory<byte> Payload)
{
    public CommandType Type => (CommandType)(TypeByte & CommandTypes.TypeMask);

    public int EncodedSize => CommandEnvelope.HeaderSize + Payload.Length;

    public void WriteTo(IBufferWriter<byte> writer)
    {
        new CommandEnvelope(TypeByte, FormatVersion, Payload.Length).WriteHeader(writer);
        writer.Write(Payload.Span);
    }
}

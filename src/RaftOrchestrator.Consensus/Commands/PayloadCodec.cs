using MessagePack;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>Shared checks for the small MessagePack payload codecs (writing and reading): a malformed payload is <see cref="InvalidDataException"/>.</summary>
internal static class PayloadCodec
{
    public delegate T ReadPayload<out T>(ref MessagePackReader reader);

    public static T Read<T>(ReadOnlyMemory<byte> payload, int fields, string what, ReadPayload<T> read)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            int actual = reader.ReadArrayHeader();
            if (actual != fields)
            {
                throw new InvalidDataException($"Malformed {what} payload: {actual} fields where {fields} were expected.");
            }
            return read(ref reader);
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"Malformed {what} payload.", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Truncated {what} payload.", e);
        }
    }

    public delegate void WritePayload(ref MessagePackWriter writer);

    public static byte[] Write(int fields, WritePayload write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(32);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(fields);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

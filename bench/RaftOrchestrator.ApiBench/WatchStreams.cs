using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// Readers of the two watch wire formats. Each event's object is decoded into a <see cref="ConfigMap"/> (as an
/// informer would) and handed to the callback; bookmarks and errors are handed over as null.
/// JSON: one <c>{"type":..,"object":..}</c> document per line. MessagePack: frames of a 4-byte big-endian length
/// and an array [type, resourceVersion, object].
/// </summary>
internal static class WatchStreams
{
    public static Task ReadAsync(WireFormat format, Stream stream, Action<ConfigMap?> onEvent, CancellationToken ct) =>
        format == WireFormat.MessagePack ? ReadMessagePackAsync(stream, onEvent, ct) : ReadJsonAsync(stream, onEvent, ct);

    private static async Task ReadJsonAsync(Stream stream, Action<ConfigMap?> onEvent, CancellationToken ct)
    {
        PipeReader pipe = PipeReader.Create(stream);
        while (true)
        {
            ReadResult read = await pipe.ReadAsync(ct);
            ReadOnlySequence<byte> buffer = read.Buffer;
            while (WatchFrames.TryTakeLine(ref buffer, out ReadOnlySequence<byte> line))
            {
                onEvent(DecodeJsonEvent(line));
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                await pipe.CompleteAsync();
                return;
            }
        }
    }

    private static ConfigMap? DecodeJsonEvent(ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? type = null;
        ConfigMap? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8) && type is "ADDED" or "MODIFIED" or "DELETED")
            {
                reader.Read();
                value = JsonSerializer.Deserialize(ref reader, ApiJson.TypeInfo<ConfigMap>());
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return value;
    }

    private static async Task ReadMessagePackAsync(Stream stream, Action<ConfigMap?> onEvent, CancellationToken ct)
    {
        PipeReader pipe = PipeReader.Create(stream);
        while (true)
        {
            ReadResult read = await pipe.ReadAsync(ct);
            ReadOnlySequence<byte> buffer = read.Buffer;
            while (WatchFrames.TryTakeMessagePack(ref buffer, out ReadOnlySequence<byte> frame))
            {
                onEvent(DecodeMessagePackEvent(frame));
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                await pipe.CompleteAsync();
                return;
            }
        }
    }

    private static ConfigMap? DecodeMessagePackEvent(ReadOnlySequence<byte> frame)
    {
        var reader = new MessagePackReader(frame);
        if (reader.ReadArrayHeader() != 3)
        {
            return null;
        }
        string? type = reader.ReadString();
        reader.ReadInt64();   // the event's resourceVersion; the object's own field is empty on the wire
        if (reader.TryReadNil() || type is not ("ADDED" or "MODIFIED" or "DELETED"))
        {
            return null;
        }
        return MessagePackSerializer.Deserialize<ConfigMap>(ref reader, ApiMessagePack.Options);
    }
}

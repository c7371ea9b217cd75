using System.Buffers;
using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// Cuts the JSON watch stream: one <c>{"type":...,"object":...}</c> document per line (either member first).
/// The object's own metadata.resourceVersion is the event's; a BOOKMARK's object is read for that alone.
/// </summary>
internal static class JsonWatchDecoder<T> where T : class, IKubernetesObject, new()
{
    /// <summary>Larger than any object the server stores: a longer line without its newline is a broken stream.</summary>
    private const long MaxLineBytes = 64 << 20;

    /// <summary>On <see cref="WatchFrame.Event"/>, <paramref name="buffer"/> is what follows the line.</summary>
    public static WatchFrame TryDecode(ref ReadOnlySequence<byte> buffer, out WatchEvent<T> decoded)
    {
        decoded = default;
        while (true)
        {
            SequencePosition? newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (buffer.Length <= MaxLineBytes)
                {
                    return WatchFrame.Incomplete;
                }
                decoded = WatchEventNames.Malformed<T>($"a line longer than {MaxLineBytes} bytes");
                return WatchFrame.Malformed;
            }
            ReadOnlySequence<byte> line = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            if (IsBlank(line))
            {
                continue;
            }
            try
            {
                decoded = Decode(line);
                return WatchFrame.Event;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
            {
                // the converters of the model fail with these on values of the wrong shape, as the server's decoder knows
                decoded = WatchEventNames.Malformed<T>(e.Message);
                return WatchFrame.Malformed;
            }
        }
    }

    private static WatchEvent<T> Decode(ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a watch event is a JSON object");
        }
        WatchEventType? type = null;
        Utf8JsonReader objectStart = default;
        bool hasObject = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? TypeOf(ref reader) : null;
                reader.Skip();
                if (type is null)
                {
                    throw new JsonException("unknown watch event type");
                }
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                objectStart = reader;
                hasObject = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (type is not { } kind || !hasObject || objectStart.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a watch event needs a type and an object");
        }
        switch (kind)
        {
            case WatchEventType.Error:
                Status status = JsonSerializer.Deserialize(ref objectStart, ApiJson.TypeInfo<Status>()) ?? throw new JsonException("an ERROR event without a Status");
                return new WatchEvent<T>(WatchEventType.Error, null, "", status);
            case WatchEventType.Bookmark:
                return new WatchEvent<T>(WatchEventType.Bookmark, null, BookmarkVersion(ref objectStart));
        }
        T value = JsonSerializer.Deserialize(ref objectStart, ApiJson.TypeInfo<T>()) ?? throw new JsonException("an event without an object");
        value.Metadata ??= new ObjectMeta();
        return new WatchEvent<T>(kind, value, value.Metadata.ResourceVersion ?? "");
    }

    private static WatchEventType? TypeOf(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return WatchEventNames.Parse(System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? ""));
        }
        return WatchEventNames.Parse(reader.ValueSpan);
    }

    /// <summary>metadata.resourceVersion of a bookmark's object; the rest of the object is skipped.</summary>
    private static string BookmarkVersion(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool metadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (metadata && reader.TokenType == JsonTokenType.StartObject)
            {
                return JsonSerializer.Deserialize(ref reader, ApiJson.TypeInfo<ObjectMeta>())?.ResourceVersion ?? "";
            }
            reader.Skip();
        }
        return "";
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (ReadOnlyMemory<byte> segment in line)
        {
            foreach (byte b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }
        return true;
    }
}

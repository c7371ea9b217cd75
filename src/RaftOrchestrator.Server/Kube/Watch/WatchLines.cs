using System.Buffers;
using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube.Watch;

/// <summary>
/// The JSON watch wire format: one <c>{"type":...,"object":...}</c> document per event, each ended by a newline,
/// on a chunked 200 response (what kubectl and client-go read).
/// </summary>
public static class WatchLines
{
    public static byte[] TypeName(WatchEventKind kind) => kind switch
    {
        WatchEventKind.Added => "ADDED"u8.ToArray(),
        WatchEventKind.Modified => "MODIFIED"u8.ToArray(),
        WatchEventKind.Deleted => "DELETED"u8.ToArray(),
        WatchEventKind.Bookmark => "BOOKMARK"u8.ToArray(),
        _ => "ERROR"u8.ToArray(),
    };

    public static byte[] Event<T>(WatchEventKind kind, T value) where T : class, IKubernetesObject
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName(kind));
            writer.WritePropertyName("object");
            JsonSerializer.Serialize(writer, value, ApiJson.TypeInfo<T>());
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(Status status)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "ERROR");
            writer.WritePropertyName("object");
            JsonSerializer.Serialize(writer, status, ApiJson.TypeInfo<Status>());
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A bookmark: only apiVersion, kind and metadata.resourceVersion (and the initial-events-end annotation when it ends the initial list).</summary>
    public static byte[] Bookmark(string apiVersion, string kind, long revision, bool initialEventsEnd)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "BOOKMARK");
            writer.WriteStartObject("object");
            writer.WriteString("kind", kind);
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (initialEventsEnd)
            {
                writer.WriteStartObject("annotations");
                writer.WriteString("k8s.io/initial-events-end", "true");
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client.Tests.Http;

/// <summary>Watch streams as the server writes them (its MessagePackWatchFrames and WatchLines), built here independently.</summary>
internal static class WireFrames
{
    /// <summary>[length][type, revision, object]; the object's resourceVersion left empty, as stored.</summary>
    public static byte[] MessagePack(string type, long revision, ConfigMap? value, Status? error = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(type);
        writer.Write(revision);
        if (error is not null)
        {
            writer.WriteRaw(MessagePackSerializer.Serialize(error, ApiMessagePack.Options));
        }
        else if (value is null)
        {
            writer.WriteNil();
        }
        else
        {
            string? version = value.Metadata.ResourceVersion;
            value.Metadata.ResourceVersion = null;
            writer.WriteRaw(ApiMessagePack.Serialize(value));
            value.Metadata.ResourceVersion = version;
        }
        writer.Flush();
        byte[] frame = new byte[buffer.WrittenCount + 4];
        BinaryPrimitives.WriteInt32BigEndian(frame, buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(frame.AsSpan(4));
        return frame;
    }

    /// <summary>One JSON line; <paramref name="objectFirst"/> writes "object" before "type" (both orders are valid JSON).</summary>
    public static byte[] Json(string type, ConfigMap? value, Status? error = null, long bookmark = 0, bool objectFirst = false)
    {
        string body = error is not null
            ? JsonSerializer.Serialize(error, ApiJson.TypeInfo<Status>())
            : value is not null
                ? JsonSerializer.Serialize(value, ApiJson.TypeInfo<ConfigMap>())
                : $$$"""{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"{{{bookmark.ToString(CultureInfo.InvariantCulture)}}}"}}""";
        string line = objectFirst ? $$"""{"object":{{body}},"type":"{{type}}"}""" : $$"""{"type":"{{type}}","object":{{body}}}""";
        return Encoding.UTF8.GetBytes(line + "\n");
    }

    public static ConfigMap Map(string name, long revision, string value) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new ObjectMeta { Name = name, Namespace = "ns", ResourceVersion = revision.ToString(CultureInfo.InvariantCulture), Uid = $"uid-{name}" },
        Data = new() { ["k"] = value },
    };
}

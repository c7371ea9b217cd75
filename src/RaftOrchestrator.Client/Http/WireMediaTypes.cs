using System.Net.Http.Headers;

namespace RaftOrchestrator.Client.Http;

/// <summary>The media types the client sends and reads (the server's MediaTypes, from the other side).</summary>
internal static class WireMediaTypes
{
    public const string Json = "application/json";
    public const string MessagePack = "application/vnd.raftorchestrator.msgpack";

    public static string For(WireFormat format) => format == WireFormat.MessagePack ? MessagePack : Json;

    public static string For(PatchType type) => type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a patch type"),
    };

    /// <summary>Whether a reply is MessagePack; anything else is read as JSON (the server words every failure in JSON).</summary>
    public static bool IsMessagePack(HttpContent content) =>
        content.Headers.ContentType is MediaTypeHeaderValue type && string.Equals(type.MediaType, MessagePack, StringComparison.OrdinalIgnoreCase);
}

using Microsoft.Net.Http.Headers;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The media types of the API and the negotiation of a reply's format from Accept.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string MessagePack = "application/vnd.raftorchestrator.msgpack";
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string ApplyPatchCbor = "application/apply-patch+cbor";
    public const string Table = "application/json;as=Table;v=v1;g=meta.k8s.io";
    public const string AggregatedDiscovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    /// <summary>The media type without parameters, lower-cased; "" when absent or unparsable.</summary>
    public static string Essence(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
            ? parsed.MediaType.Value?.ToLowerInvariant() ?? ""
            : "";

    /// <summary>
    /// The reply format for an Accept header. The first acceptable entry wins; anything we do not produce
    /// (protobuf, */*) is answered with JSON, which every client measured accepted.
    /// </summary>
    public static ReplyFormat Negotiate(string? accept)
    {
        if (string.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList([accept], out IList<MediaTypeHeaderValue>? entries))
        {
            return ReplyFormat.Json;
        }
        foreach (MediaTypeHeaderValue entry in entries)
        {
            string type = entry.MediaType.Value?.ToLowerInvariant() ?? "";
            if (type == MessagePack)
            {
                return ReplyFormat.MessagePack;
            }
            if (type == Json && Parameter(entry, "as") is { } view)
            {
                if (view == "Table" && Parameter(entry, "g") == "meta.k8s.io" && Parameter(entry, "v") is "v1" or "v1beta1")
                {
                    return ReplyFormat.Table;
                }
                if (view == "APIGroupDiscoveryList" && Parameter(entry, "g") == "apidiscovery.k8s.io" && Parameter(entry, "v") == "v2")
                {
                    return ReplyFormat.AggregatedDiscovery;
                }
                continue;   // another view (PartialObjectMetadata, v2beta1 discovery): not produced
            }
            if (type is Json or "application/*" or "*/*" or Protobuf or Yaml)
            {
                return ReplyFormat.Json;
            }
        }
        return ReplyFormat.Json;
    }

    private static string? Parameter(MediaTypeHeaderValue entry, string name) =>
        entry.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value?.Trim('"');
}

using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Protobuf;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube;

/// <summary>Conversions of non-JSON bodies to JSON (YAML documents, Kubernetes protobuf envelopes).</summary>
public static class BodyFormats
{
    public static bool YamlToJson(ReadOnlySpan<byte> body, out JsonNode? node, out string? error)
    {
        if (Api.Serialization.YamlToJson.TryConvert(body, out node, out YamlConversionError? failure))
        {
            error = null;
            return true;
        }
        error = $"error converting YAML to JSON: {failure}";
        return false;
    }

    /// <summary>A Kubernetes protobuf body (the k8s\0 envelope) of a kind kubectl's generators send, as JSON.</summary>
    public static bool ProtobufToJson(ReadOnlySpan<byte> body, out JsonNode? node, out string? error)
    {
        bool ok = KubernetesProtobuf.TryDecode(body, out JsonObject? decoded, out error);
        node = decoded;
        return ok;
    }
}

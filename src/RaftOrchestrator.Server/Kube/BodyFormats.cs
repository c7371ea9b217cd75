using System.Text.Json.Nodes;
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

    public static bool ProtobufToJson(ReadOnlySpan<byte> body, out JsonNode? node, out string? error)
    {
        node = null;
        error = "protobuf bodies are not supported yet";
        return body.IsEmpty && false;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The four patch types of the API, on the JSON form of an object.</summary>
public static class PatchApplier
{
    public readonly record struct Result(JsonNode? Patched, Status? Error);

    public static bool IsPatchType(string essence) =>
        essence is MediaTypes.JsonPatch or MediaTypes.MergePatch or MediaTypes.StrategicMergePatch or MediaTypes.ApplyPatch;

    public static bool TryParse(string patchType, byte[] body, out JsonNode? patch, out string? error)
    {
        patch = null;
        error = null;
        if (body.Length == 0)
        {
            error = "the patch is empty";
            return false;
        }
        try
        {
            patch = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            if (patchType == MediaTypes.ApplyPatch && BodyFormats.YamlToJson(body, out JsonNode? yaml, out _))
            {
                patch = yaml;
                return true;
            }
            error = $"error decoding patch: {e.Message}";
            return false;
        }
        bool shapeOk = patchType == MediaTypes.JsonPatch ? patch is JsonArray : patch is JsonObject;
        if (!shapeOk)
        {
            error = patchType == MediaTypes.JsonPatch ? "json patch must be an array of operations" : "the patch must be a JSON object";
            return false;
        }
        return true;
    }

    public static Result Apply(string patchType, JsonNode? original, JsonNode patch, Type modelType, string? manager, bool force, DateTime now, ResourceDescriptor descriptor) =>
        new(null, ApiStatus.UnsupportedMediaType(patchType));

    /// <summary>RFC 7386 merge patch: null deletes, objects merge recursively, anything else replaces. Returns a new node.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        JsonObject result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach ((string name, JsonNode? value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = MergePatch(result[name], value);
            }
        }
        return result;
    }

    /// <summary>Does the patch itself name a resourceVersion (a precondition)?</summary>
    public static bool SetsResourceVersion(string patchType, JsonNode patch)
    {
        if (patchType == MediaTypes.JsonPatch)
        {
            return patch is JsonArray ops && ops.Any(op => op?["path"]?.GetValue<string>() == "/metadata/resourceVersion");
        }
        return patch["metadata"]?["resourceVersion"] is JsonValue;
    }
}

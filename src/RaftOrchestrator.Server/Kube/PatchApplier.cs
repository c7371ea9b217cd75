using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The four patch types of the API, on the JSON form of an object.</summary>
public static class PatchApplier
{
    /// <summary>The patched object's JSON, or the Status to answer; <see cref="ManagedFields"/> is set by server-side apply.</summary>
    public readonly record struct Result(JsonNode? Patched, Status? Error, IReadOnlyList<ManagedFieldsEntry>? ManagedFields = null);

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
            patch = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            // An apply body that is not JSON may be YAML; one that looks like JSON but is not valid JSON (duplicate
            // keys, truncation) is refused rather than re-read leniently as YAML.
            if (patchType == MediaTypes.ApplyPatch && !LooksLikeJson(body) && BodyFormats.YamlToJson(body, out JsonNode? yaml, out _))
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

    /// <summary>
    /// Applies a patch of <paramref name="patchType"/> to an object's JSON (null: absent, only apply creates).
    /// Strategic merge and apply use the kind's schema (merge keys from the model's attributes).
    /// </summary>
    public static Result Apply(string patchType, JsonNode? original, JsonNode patch, Type modelType, string? manager, bool force, DateTime now, ResourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        PatchResult result;
        switch (patchType)
        {
            case MediaTypes.JsonPatch:
                result = JsonPatch.Apply(original, patch);
                break;
            case MediaTypes.MergePatch:
                result = JsonMergePatch.Apply(original, patch);
                break;
            case MediaTypes.StrategicMergePatch:
                result = StrategicMergePatch.Apply(original, patch, PatchSchema.For(modelType));
                break;
            case MediaTypes.ApplyPatch:
                ApplyResult applied = ServerSideApply.Apply(original, patch, manager ?? "unknown", force,
                    ManagedFieldsOf(original), PatchSchema.For(modelType), now);
                return applied.Succeeded
                    ? new Result(applied.Value, null, applied.ManagedFields)
                    : new Result(null, Failure(applied.Error, applied.Conflicts, descriptor, original));
            default:
                return new Result(null, ApiStatus.UnsupportedMediaType(patchType));
        }
        return result.Succeeded ? new Result(result.Value, null) : new Result(null, Failure(result.Error!, [], descriptor, original));
    }

    /// <summary>The managedFields of an object's JSON.</summary>
    public static List<ManagedFieldsEntry>? ManagedFieldsOf(JsonNode? value) =>
        value?["metadata"]?["managedFields"] is JsonArray entries
            ? entries.Deserialize(ApiJson.TypeInfo<List<ManagedFieldsEntry>>())
            : null;

    private static Status Failure(PatchError error, IReadOnlyList<FieldConflict> conflicts, ResourceDescriptor descriptor, JsonNode? original)
    {
        string name = original?["metadata"]?["name"]?.GetValue<string>() ?? "";
        switch (error.Kind)
        {
            case PatchErrorKind.Conflict:
                Status status = ApiStatus.Failure(409, "Conflict", error.Message, new StatusDetails
                {
                    Name = name,
                    Group = descriptor.Group.Length == 0 ? null : descriptor.Group,
                    Kind = descriptor.Plural,
                    Causes = [.. conflicts.Select(c => new StatusCause { Reason = "FieldManagerConflict", Message = $"conflict with \"{c.Manager}\"", Field = c.Path })],
                });
                return status;
            case PatchErrorKind.Invalid:
                return ApiStatus.Failure(422, "Invalid", error.Message, new StatusDetails { Name = name, Kind = descriptor.Kind });
            default:
                return ApiStatus.BadRequest(error.Message);
        }
    }

    /// <summary>RFC 7386 merge patch of one JSON value by another (used for the Scale subresource).</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch) => JsonMergePatch.Apply(target, patch).Value;

    private static bool LooksLikeJson(byte[] body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b is (byte)'{' or (byte)'[';
            }
        }
        return false;
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

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    /// <summary>
    /// A merge, JSON or strategic merge patch of the current object's JSON (the server's patch classes), then the
    /// update pipeline. A resourceVersion the patch itself carries is a precondition; one kept from the current
    /// object is not. Server-side apply is not modelled (415).
    /// </summary>
    internal ApiResult<T> ApplyPatch(string? ns, string name, Patch patch, bool dryRun)
    {
        UpdateMode mode;
        switch (patch.Subresource)
        {
            case null or "":
                mode = UpdateMode.Main;
                break;
            case "status" when Strategy.HasStatusSubresource:
                mode = UpdateMode.Status;
                break;
            default:
                return Fail<T>(InMemoryStatus.NotFoundPath());
        }
        if (patch.Type == PatchType.Apply)
        {
            return Fail<T>(InMemoryStatus.UnsupportedMediaType("server-side apply (application/apply-patch+yaml) is not supported by the in-memory client"));
        }
        if (!TryParsePatch(patch, out JsonNode? document, out Status? malformed))
        {
            return Fail<T>(malformed);
        }
        if (_store.Current(_store.Key(ns, name)) is not { } current)
        {
            return Fail<T>(InMemoryStatus.NotFound(Descriptor, name));
        }
        JsonNode? original = JsonSerializer.SerializeToNode(_store.Decode(current.Bytes!, current.Revision), ApiJson.TypeInfo<T>());
        PatchResult result = patch.Type switch
        {
            PatchType.Json => JsonPatch.Apply(original, document),
            PatchType.StrategicMerge => StrategicMergePatch.Apply(original, document, PatchSchema.For<T>()),
            _ => JsonMergePatch.Apply(original, document),
        };
        if (!result.Succeeded)
        {
            return Fail<T>(result.Error.Kind == PatchErrorKind.Invalid
                ? InMemoryStatus.Failure(422, "Invalid", result.Error.Message, new StatusDetails { Name = name, Kind = Descriptor.Kind })
                : InMemoryStatus.BadRequest(result.Error.Message));
        }
        T? next;
        try
        {
            next = result.Value?.Deserialize(ApiJson.TypeInfo<T>());
        }
        catch (JsonException e)
        {
            return Fail<T>(InMemoryStatus.BadRequest($"the patched object is not a valid {Descriptor.Kind}: {e.Message}"));
        }
        if (next is null)
        {
            return Fail<T>(InMemoryStatus.BadRequest($"the patched object is not a valid {Descriptor.Kind}: null"));
        }
        next.Metadata ??= new ObjectMeta();
        if (Descriptor.Namespaced && !string.IsNullOrEmpty(next.Metadata.Namespace) && next.Metadata.Namespace != ns)
        {
            return Fail<T>(InMemoryStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }
        next.Metadata.Namespace = ns;
        if (next.Metadata.Name != name)
        {
            return Fail<T>(InMemoryStatus.BadRequest($"the name of the object ({next.Metadata.Name}) does not match the name on the URL ({name})"));
        }
        if (!SetsResourceVersion(patch.Type, document!))
        {
            next.Metadata.ResourceVersion = null;
        }
        return Replace(ns, name, next, mode, dryRun);
    }

    private static bool TryParsePatch(Patch patch, [NotNullWhen(true)] out JsonNode? document, [NotNullWhen(false)] out Status? error)
    {
        document = null;
        error = null;
        try
        {
            document = JsonNode.Parse(patch.Body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            error = InMemoryStatus.BadRequest($"error decoding patch: {e.Message}");
            return false;
        }
        bool shapeOk = patch.Type == PatchType.Json ? document is JsonArray : document is JsonObject;
        if (document is null || !shapeOk)
        {
            error = InMemoryStatus.BadRequest(patch.Type == PatchType.Json ? "json patch must be an array of operations" : "the patch must be a JSON object");
            return false;
        }
        return true;
    }

    private static bool SetsResourceVersion(PatchType type, JsonNode document) => type == PatchType.Json
        ? document is JsonArray ops && ops.Any(op => op?["path"]?.GetValue<string>() == "/metadata/resourceVersion")
        : document["metadata"]?["resourceVersion"] is JsonValue;
}

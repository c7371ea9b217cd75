using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// RFC 7386 JSON Merge Patch (<c>application/merge-patch+json</c>): a patch object merges into the target member by
/// member, recursively; a member whose patch value is null is removed; anything that is not an object (arrays
/// included) replaces the target value whole. A target that is not an object is treated as <c>{}</c> when the
/// patch is one. Merge patches cannot fail on a document; only a malformed body (handled by the caller) can.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>The merged document, sharing no node with the inputs.</summary>
    public static PatchResult Apply(JsonNode? target, JsonNode? patch) => PatchResult.Ok(Merge(target?.DeepClone(), patch));

    /// <summary>Merges into <paramref name="target"/>, which must be owned by the caller (it is changed in place).</summary>
    internal static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }
        if (target is not JsonObject result)
        {
            result = [];
        }
        foreach ((string name, JsonNode? value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }
            if (value is JsonObject && result.TryGetPropertyValue(name, out JsonNode? current) && current is JsonObject)
            {
                Merge(current, value);
            }
            else
            {
                result[name] = Merge(null, value);
            }
        }
        return result;
    }
}

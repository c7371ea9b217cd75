using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// Kubernetes' strategic merge patch (<c>application/strategic-merge-patch+json</c>): a JSON merge patch that knows,
/// from the model's <see cref="PatchSchema"/>, which lists merge by key instead of being replaced. Rules:
/// <list type="bullet">
/// <item>Objects and maps merge field by field, recursively; <c>"field": null</c> deletes the field.</item>
/// <item>Lists tagged with a merge key (containers by name, ports by containerPort, ...) merge item by item: a patch
/// item updates the live item with the same key (recursively, by these same rules), an item whose key is new is
/// appended, <c>{"$patch":"delete","name":"x"}</c> deletes the items with that key, and an item
/// <c>{"$patch":"replace"}</c> anywhere in the patch list replaces the whole list with the other patch items.</item>
/// <item>Scalar lists tagged "merge" (finalizers) are sets: patch values not yet present are appended.</item>
/// <item>Every other list is replaced whole, as are scalars.</item>
/// <item>Maps take <c>"$patch":"replace"</c> (the map becomes the patch, without the directive) and
/// <c>"$patch":"delete"</c> (the map is removed).</item>
/// <item><c>"$retainKeys":["a","b"]</c> in an object first clears every field not listed (retainKeys structs such
/// as a Deployment's strategy), then the rest of the patch merges.</item>
/// <item><c>"$deleteFromPrimitiveList/finalizers":["x"]</c> removes those values from the live list before the
/// patch's own list merges.</item>
/// <item><c>"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]</c> reorders the merged list: the items it
/// names come first, in its order; items it does not name follow in their merged order.</item>
/// <item>Fields the schema does not know are merged as plain JSON (RFC 7386).</item>
/// </list>
/// Worked example, on a pod spec with containers [a(image a:1), b(image b:1, env X=1)] and finalizers ["f1"]:
/// <code>
/// {"metadata":{"finalizers":["f2"]},
///  "spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"}],
///          "containers":[{"name":"a","$patch":"delete"},
///                        {"name":"b","env":[{"name":"Y","value":"2"}]},
///                        {"name":"c","image":"c:1"}]}}
/// </code>
/// yields finalizers ["f1","f2"]; container a is gone; b keeps its image and gets env [X=1, Y=2] (env merges by
/// name); c is appended; and the final order is [c, b].
/// </summary>
public static partial class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    private const string SetElementOrderPrefix = "$setElementOrder/";

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/> by the rules above.</summary>
    public static PatchResult Apply(JsonNode? original, JsonNode? patch, PatchSchema schema)
    {
        if (patch is not JsonObject patchObject)
        {
            return PatchResult.Fail(PatchErrorKind.BadRequest, "a strategic merge patch must be a JSON object");
        }
        var merger = new Merger();
        JsonObject? result = merger.MergeObject(original?.DeepClone() as JsonObject ?? [], patchObject, schema);
        return merger.Error is { } error
            ? PatchResult.Fail(PatchErrorKind.Invalid, error)
            : PatchResult.Ok(result ?? []);
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>One merge; stops at the first error (the partial result is then dropped).</summary>
    private sealed partial class Merger
    {
        public string? Error { get; private set; }

        /// <summary>Merges into <paramref name="target"/> in place; a new object for "$patch":"replace", null for "delete".</summary>
        public JsonObject? MergeObject(JsonObject target, JsonObject patch, PatchSchema? schema)
        {
            if (patch.TryGetPropertyValue(PatchDirective, out JsonNode? directive))
            {
                switch (AsString(directive))
                {
                    case "replace":
                        return MergeMembers([], patch, schema);
                    case "delete":
                        return null;
                    case "merge":
                        break;
                    default:
                        Error = $"unknown patch type: {directive?.ToJsonString()} in map: {patch.ToJsonString()}";
                        return target;
                }
            }
            return MergeMembers(target, patch, schema);
        }

        private JsonObject MergeMembers(JsonObject target, JsonObject patch, PatchSchema? schema)
        {
            RetainKeys(target, patch);
            foreach ((string name, JsonNode? value) in patch)
            {
                if (Error is not null)
                {
                    return target;
                }
                if (name.StartsWith('$'))
                {
                    Directive(target, name, value);
                }
                else if (value is null)
                {
                    target.Remove(name);
                }
                else
                {
                    MergeMember(target, name, value, schema?.Member(name));
                }
            }
            foreach ((string name, JsonNode? value) in patch)
            {
                if (name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
                    && target[name[SetElementOrderPrefix.Length..]] is JsonArray list && value is JsonArray order)
                {
                    string field = name[SetElementOrderPrefix.Length..];
                    Reorder(list, order, schema?.Member(field)?.MergeKey);
                }
            }
            return target;
        }

        private void MergeMember(JsonObject target, string name, JsonNode value, PatchSchema? schema)
        {
            target.TryGetPropertyValue(name, out JsonNode? current);
            JsonNode? merged = MergeValue(current, value, schema, out bool deleted);
            if (deleted)
            {
                target.Remove(name);
            }
            else if (!ReferenceEquals(merged, current))
            {
                target[name] = merged;
            }
        }

        /// <summary>The merged value: <paramref name="current"/> changed in place, or a new node without a parent.</summary>
        private JsonNode? MergeValue(JsonNode? current, JsonNode? patch, PatchSchema? schema, out bool deleted)
        {
            deleted = false;
            switch (patch)
            {
                case JsonObject members when schema is null or { Kind: PatchSchemaKind.Struct or PatchSchemaKind.Map }:
                    JsonObject? merged = MergeObject(current as JsonObject ?? [], members, schema);
                    deleted = merged is null;
                    return merged;
                case JsonArray items when schema is { Kind: PatchSchemaKind.List }:
                    return MergeList(current as JsonArray, items, schema);
                default:
                    return patch?.DeepClone();
            }
        }

        /// <summary>A patch value merged onto nothing: nulls and directives are dropped.</summary>
        private JsonNode? Fresh(JsonNode? patch, PatchSchema? schema) => MergeValue(null, patch, schema, out _);

        private void RetainKeys(JsonObject target, JsonObject patch)
        {
            if (!patch.TryGetPropertyValue(RetainKeysDirective, out JsonNode? keys))
            {
                return;
            }
            if (keys is not JsonArray list || list.Any(k => AsString(k) is null))
            {
                Error = $"invalid type for {RetainKeysDirective}: must be a list of field names, got {keys?.ToJsonString() ?? "null"}";
                return;
            }
            var retained = list.Select(k => AsString(k)!).ToHashSet(StringComparer.Ordinal);
            foreach (string name in target.Select(p => p.Key).Where(n => !retained.Contains(n)).ToList())
            {
                target.Remove(name);
            }
        }

        private void Directive(JsonObject target, string name, JsonNode? value)
        {
            if (name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                if (value is not JsonArray doomed)
                {
                    Error = $"invalid value for {name}: must be a list, got {value?.ToJsonString() ?? "null"}";
                    return;
                }
                if (target[name[DeleteFromPrimitiveListPrefix.Length..]] is JsonArray list)
                {
                    RemoveWhere(list, item => doomed.Any(d => JsonNode.DeepEquals(d, item)));
                }
            }
            else if (name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                if (value is not JsonArray)
                {
                    Error = $"invalid value for {name}: must be a list, got {value?.ToJsonString() ?? "null"}";
                }
            }
            else if (name is not (PatchDirective or RetainKeysDirective))
            {
                Error = $"unknown patch directive: {name}";
            }
        }
    }
}

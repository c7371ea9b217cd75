using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// RFC 6902 JSON Patch (<c>application/json-patch+json</c>): an array of operations applied in order to a copy of
/// the document; the first failing operation fails the whole patch and the document is left as it was.
/// <list type="bullet">
/// <item>add: sets an object member (replacing it) or inserts into an array at an index 0..length, "-" appends;
/// the parent must exist. The path "" replaces the whole document.</item>
/// <item>remove / replace: the target must exist.</item>
/// <item>move: remove "from" then add at "path"; a value cannot be moved into one of its own children.</item>
/// <item>copy: add a deep copy of the value at "from".</item>
/// <item>test: the value at "path" must equal "value" (numbers compare by value, objects ignore member order).</item>
/// </list>
/// Messages follow Kubernetes' json-patch library: <c>add operation does not apply: doc is missing path: "/spec/x": missing value</c>.
/// </summary>
public static partial class JsonPatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="document"/>; neither input is changed.</summary>
    public static PatchResult Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            return PatchResult.Fail(PatchErrorKind.BadRequest, "json: cannot unmarshal object into Go value of type jsonpatch.Patch: a JSON patch is an array of operations");
        }
        JsonNode? doc = document?.DeepClone();
        foreach (JsonNode? item in operations)
        {
            if (item is not JsonObject operation)
            {
                return PatchResult.Fail(PatchErrorKind.BadRequest, "a JSON patch operation must be an object");
            }
            PatchError? error = ApplyOne(ref doc, operation);
            if (error is not null)
            {
                return PatchResult.Fail(error);
            }
        }
        return PatchResult.Ok(doc);
    }

    private static PatchError? ApplyOne(ref JsonNode? doc, JsonObject operation)
    {
        string? op = StringMember(operation, "op");
        if (op is null)
        {
            return BadRequest("Unexpected kind: missing \"op\"");
        }
        if (op is not ("add" or "remove" or "replace" or "move" or "copy" or "test"))
        {
            return BadRequest($"Unexpected kind: {op}");
        }
        string? path = StringMember(operation, "path");
        if (path is null)
        {
            return BadRequest($"{op} operation does not apply: missing \"path\"");
        }
        if (!JsonPointer.TryParse(path, out string[] tokens))
        {
            return Invalid($"{op} operation does not apply: invalid JSON pointer: \"{path}\"");
        }
        bool hasValue = operation.TryGetPropertyValue("value", out JsonNode? value);
        if (!hasValue && op is "add" or "replace" or "test")
        {
            return BadRequest($"{op} operation does not apply: missing \"value\"");
        }
        string[] fromTokens = [];
        string? from = null;
        if (op is "move" or "copy")
        {
            from = StringMember(operation, "from");
            if (from is null)
            {
                return BadRequest($"{op} operation does not apply: missing \"from\"");
            }
            if (!JsonPointer.TryParse(from, out fromTokens))
            {
                return Invalid($"{op} operation does not apply: invalid JSON pointer: \"{from}\"");
            }
        }
        string? failure = op switch
        {
            "add" => Add(ref doc, tokens, value?.DeepClone()),
            "remove" => Remove(ref doc, tokens, out _),
            "replace" => Replace(ref doc, tokens, value?.DeepClone()),
            "move" => Move(ref doc, fromTokens, tokens, from!, path),
            "copy" => Copy(ref doc, fromTokens, tokens, from!),
            _ => Test(doc, tokens, value, path),
        };
        return failure is null ? null : Invalid($"{op} operation does not apply: {failure}");
    }

    private static string? Replace(ref JsonNode? doc, string[] tokens, JsonNode? value)
    {
        if (!TryGet(doc, tokens, out _))
        {
            return MissingPath(tokens);
        }
        Remove(ref doc, tokens, out _);
        return Add(ref doc, tokens, value);
    }

    private static string? Move(ref JsonNode? doc, string[] from, string[] to, string fromText, string toText)
    {
        if (to.Length > from.Length && to.AsSpan(0, from.Length).SequenceEqual(from))
        {
            return $"a value cannot be moved into one of its children: from \"{fromText}\" to \"{toText}\"";
        }
        if (!TryGet(doc, from, out _))
        {
            return $"doc is missing from path: \"{fromText}\": missing value";
        }
        Remove(ref doc, from, out JsonNode? value);
        return Add(ref doc, to, value);
    }

    private static string? Copy(ref JsonNode? doc, string[] from, string[] to, string fromText)
    {
        if (!TryGet(doc, from, out JsonNode? value))
        {
            return $"doc is missing from path: \"{fromText}\": missing value";
        }
        return Add(ref doc, to, value?.DeepClone());
    }

    private static string? Test(JsonNode? doc, string[] tokens, JsonNode? expected, string path)
    {
        if (!TryGet(doc, tokens, out JsonNode? actual) || !JsonNode.DeepEquals(actual, expected))
        {
            return $"testing value \"{path}\" failed: test operation failed";
        }
        return null;
    }

    private static string? StringMember(JsonObject operation, string name) =>
        operation.TryGetPropertyValue(name, out JsonNode? node) && node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static PatchError BadRequest(string message) => new(PatchErrorKind.BadRequest, message);

    private static PatchError Invalid(string message) => new(PatchErrorKind.Invalid, message);
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

public static partial class JsonPatch
{
    /// <summary>The value at a pointer; false when a member or index on the way does not exist.</summary>
    internal static bool TryGet(JsonNode? doc, string[] tokens, out JsonNode? value)
    {
        value = doc;
        foreach (string token in tokens)
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out JsonNode? child):
                    value = child;
                    break;
                case JsonArray array when TryIndex(token, array.Count - 1, out int index):
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        return true;
    }

    /// <summary>Adds <paramref name="value"/> (a node without a parent) at the pointer; the error text, or null.</summary>
    private static string? Add(ref JsonNode? doc, string[] tokens, JsonNode? value)
    {
        if (tokens.Length == 0)
        {
            doc = value;
            return null;
        }
        if (!TryGet(doc, tokens[..^1], out JsonNode? parent))
        {
            return MissingPath(tokens);
        }
        string last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return null;
            case JsonArray array when last == "-":
                array.Add(value);
                return null;
            case JsonArray array when TryIndex(last, array.Count, out int index):
                array.Insert(index, value);
                return null;
            case JsonArray:
                return $"Unable to access invalid index: {last}: invalid index referenced";
            default:
                return MissingPath(tokens);
        }
    }

    private static string? Remove(ref JsonNode? doc, string[] tokens, out JsonNode? removed)
    {
        removed = null;
        if (!TryGet(doc, tokens, out removed))
        {
            return MissingPath(tokens);
        }
        if (tokens.Length == 0)
        {
            doc = null;
            return null;
        }
        TryGet(doc, tokens[..^1], out JsonNode? parent);
        if (parent is JsonObject obj)
        {
            obj.Remove(tokens[^1]);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt(int.Parse(tokens[^1], CultureInfo.InvariantCulture));
        }
        return null;
    }

    /// <summary>An array index token: digits without a leading zero, at most <paramref name="max"/>.</summary>
    private static bool TryIndex(string token, int max, out int index)
    {
        index = -1;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        index = int.Parse(token, CultureInfo.InvariantCulture);
        return index <= max;
    }

    private static string MissingPath(string[] tokens) =>
        $"doc is missing path: \"{string.Concat(tokens.Select(t => "/" + JsonPointer.Escape(t)))}\": missing value";
}

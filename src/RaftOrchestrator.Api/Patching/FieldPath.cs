using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

/// <summary>Reading, removing and printing the value a <see cref="FieldSet"/> path names in a JSON object.</summary>
public static class FieldPath
{
    /// <summary>Kubernetes' printed form: <c>.spec.containers[name="app"].image</c>, <c>.metadata.finalizers[="x"]</c>, <c>.args[0]</c>.</summary>
    public static string Format(IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (string element in path)
        {
            string body = element.Length > 2 ? element[2..] : "";
            switch (element[..Math.Min(2, element.Length)])
            {
                case "f:":
                    text.Append('.').Append(body);
                    break;
                case "k:" when ParseObject(body) is { } key:
                    text.Append('[')
                        .AppendJoin(',', key.Select(p => $"{p.Key}={p.Value?.ToJsonString(FieldSet.ElementJson) ?? "null"}"))
                        .Append(']');
                    break;
                case "v:":
                    text.Append("[=").Append(body).Append(']');
                    break;
                case "i:":
                    text.Append('[').Append(body).Append(']');
                    break;
                default:
                    text.Append('.').Append(element);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The value at <paramref name="path"/>; false when something on the way is missing.</summary>
    public static bool TryFind(JsonNode? root, IReadOnlyList<string> path, out JsonNode? value)
    {
        value = root;
        foreach (string element in path)
        {
            if (!TryStep(value, element, out JsonNode? next, out _))
            {
                value = null;
                return false;
            }
            value = next;
        }
        return true;
    }

    /// <summary>
    /// Removes the value at <paramref name="path"/> (a field, a keyed item, a set value or an index); then every
    /// object field on the way that this left empty is removed too unless <paramref name="keep"/> says it is a
    /// member of its own. False when nothing was there.
    /// </summary>
    public static bool Remove(JsonNode root, IReadOnlyList<string> path, Func<IReadOnlyList<string>, bool> keep)
    {
        for (int length = path.Count; length > 0; length--)
        {
            if (!TryFind(root, path.Take(length - 1).ToArray(), out JsonNode? parent)
                || !TryStep(parent, path[length - 1], out JsonNode? target, out int index))
            {
                return length < path.Count;
            }
            bool emptied = target is JsonObject { Count: 0 } or JsonArray { Count: 0 };
            if (length < path.Count && (!emptied || keep(path.Take(length).ToArray()) || !path[length - 1].StartsWith("f:", StringComparison.Ordinal)))
            {
                return true;
            }
            if (parent is JsonObject members)
            {
                members.Remove(path[length - 1][2..]);
            }
            else if (parent is JsonArray items)
            {
                items.RemoveAt(index);
            }
        }
        return true;
    }

    private static bool TryStep(JsonNode? node, string element, out JsonNode? child, out int index)
    {
        child = null;
        index = -1;
        string body = element.Length > 2 ? element[2..] : "";
        switch (element[..Math.Min(2, element.Length)])
        {
            case "f:" when node is JsonObject members:
                return members.TryGetPropertyValue(body, out child);
            case "k:" when node is JsonArray items && ParseObject(body) is { } key:
                index = IndexOf(items, item => item is JsonObject fields
                    && key.All(k => fields.TryGetPropertyValue(k.Key, out JsonNode? v) && JsonNode.DeepEquals(v, k.Value)));
                break;
            case "v:" when node is JsonArray items && Parse(body, out JsonNode? wanted):
                index = IndexOf(items, item => JsonNode.DeepEquals(item, wanted));
                break;
            case "i:" when node is JsonArray items && int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < items.Count:
                index = i;
                break;
        }
        if (index < 0)
        {
            return false;
        }
        child = node!.AsArray()[index];
        return true;
    }

    private static int IndexOf(JsonArray items, Func<JsonNode?, bool> match)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject? ParseObject(string json) => Parse(json, out JsonNode? node) ? node as JsonObject : null;

    private static bool Parse(string json, out JsonNode? node)
    {
        node = null;
        try
        {
            node = JsonNode.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

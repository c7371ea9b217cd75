using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

public static partial class StrategicMergePatch
{
    private sealed partial class Merger
    {
        private JsonArray MergeList(JsonArray? current, JsonArray patch, PatchSchema schema)
        {
            if (patch.Any(IsReplaceDirective))
            {
                return [.. patch.Where(i => !IsReplaceDirective(i)).Select(i => Fresh(i, schema.Elements))];
            }
            if (schema.MergeKey is { } key)
            {
                return MergeKeyed(current ?? [], patch, key, schema.Elements);
            }
            if (schema.MergeSet)
            {
                JsonArray set = current ?? [];
                foreach (JsonNode? item in patch)
                {
                    if (!set.Any(existing => JsonNode.DeepEquals(existing, item)))
                    {
                        set.Add(item?.DeepClone());
                    }
                }
                return set;
            }
            return (JsonArray)patch.DeepClone();
        }

        private JsonArray MergeKeyed(JsonArray target, JsonArray patch, string key, PatchSchema? elements)
        {
            foreach (JsonNode? item in patch)
            {
                if (item is not JsonObject members)
                {
                    Error = $"list merged by {key} expects objects, got: {item?.ToJsonString() ?? "null"}";
                    return target;
                }
                if (!members.TryGetPropertyValue(key, out JsonNode? keyValue) || keyValue is null)
                {
                    Error = $"map: {members.ToJsonString()} does not contain declared merge key: {key}";
                    return target;
                }
                if (AsString(members[PatchDirective]) == "delete")
                {
                    RemoveWhere(target, existing => HasKey(existing, key, keyValue));
                    continue;
                }
                int index = IndexOf(target, key, keyValue);
                JsonObject? merged = MergeObject(index >= 0 && target[index] is JsonObject existing ? existing : [], members, elements);
                if (Error is not null)
                {
                    return target;
                }
                if (index < 0)
                {
                    target.Add(merged);
                }
                else if (merged is null)
                {
                    target.RemoveAt(index);
                }
                else if (!ReferenceEquals(merged, target[index]))
                {
                    target[index] = merged;
                }
            }
            return target;
        }

        private static bool IsReplaceDirective(JsonNode? item) =>
            item is JsonObject members && AsString(members[PatchDirective]) == "replace" && members.Count == 1;
    }

    /// <summary>The items <paramref name="order"/> names first, in its order, then the others as they were.</summary>
    private static void Reorder(JsonArray list, JsonArray order, string? key)
    {
        List<JsonNode?> items = [.. list];
        list.Clear();
        bool[] used = new bool[items.Count];
        foreach (JsonNode? wanted in order)
        {
            for (int i = 0; i < items.Count; i++)
            {
                bool match = key is null
                    ? JsonNode.DeepEquals(items[i], wanted)
                    : wanted is JsonObject w && w[key] is { } k && HasKey(items[i], key, k);
                if (!used[i] && match)
                {
                    used[i] = true;
                    list.Add(items[i]);
                    break;
                }
            }
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (!used[i])
            {
                list.Add(items[i]);
            }
        }
    }

    internal static bool HasKey(JsonNode? item, string key, JsonNode keyValue) =>
        item is JsonObject members && members.TryGetPropertyValue(key, out JsonNode? value) && JsonNode.DeepEquals(value, keyValue);

    internal static int IndexOf(JsonArray list, string key, JsonNode keyValue)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (HasKey(list[i], key, keyValue))
            {
                return i;
            }
        }
        return -1;
    }

    private static void RemoveWhere(JsonArray list, Func<JsonNode?, bool> doomed)
    {
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (doomed(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }
}

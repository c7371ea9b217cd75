using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

public sealed partial class FieldSet
{
    /// <summary>Key and value elements are compact JSON with quotes escaped as \" (not \u0022), as Kubernetes writes them.</summary>
    internal static readonly JsonSerializerOptions ElementJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The fields an object sets, by its schema: every scalar, empty object, atomic list and set value is a leaf
    /// member; each item of a merge-keyed list is a member (its "." entry) with its fields under it; objects and
    /// maps with content are only prefixes. Null values set nothing. Lists without a merge key are atomic leaves,
    /// as Kubernetes' listType=atomic, so no "i:" element is produced (they are read and written when present).
    /// </summary>
    public static FieldSet FromObject(JsonNode? value, PatchSchema? schema)
    {
        var set = new FieldSet();
        if (value is JsonObject members)
        {
            AddFields(set, members, schema);
        }
        return set;
    }

    private static void AddFields(FieldSet node, JsonObject members, PatchSchema? schema)
    {
        foreach ((string name, JsonNode? child) in members)
        {
            if (child is not null)
            {
                AddValue(node.Child("f:" + name), child, schema?.Member(name));
            }
        }
    }

    private static void AddValue(FieldSet node, JsonNode value, PatchSchema? schema)
    {
        switch (value)
        {
            case JsonObject members when members.Count > 0:
                AddFields(node, members, schema);
                break;
            case JsonArray items when items.Count > 0 && schema is { MergeKey: { } key }:
                foreach (JsonNode? item in items)
                {
                    if (item is JsonObject fields && fields[key] is { } keyValue)
                    {
                        FieldSet element = node.Child(KeyElement(key, keyValue));
                        element.IsMember = true;
                        AddFields(element, fields, schema.Elements);
                    }
                }
                break;
            case JsonArray items when items.Count > 0 && schema is { MergeSet: true }:
                foreach (JsonNode? item in items)
                {
                    node.Child("v:" + (item?.ToJsonString(ElementJson) ?? "null")).IsMember = true;
                }
                break;
            default:
                node.IsMember = true;
                break;
        }
    }

    internal static string KeyElement(string key, JsonNode keyValue) =>
        "k:" + new JsonObject { [key] = keyValue.DeepClone() }.ToJsonString(ElementJson);

    /// <summary>The fieldsV1 JSON: <c>{"f:spec":{"f:replicas":{}}}</c>, with "." for members that have children.</summary>
    public JsonElement ToFieldsV1()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, this);
        }
        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();

        static void Write(Utf8JsonWriter writer, FieldSet node)
        {
            writer.WriteStartObject();
            if (node.IsMember && node._children.Count > 0)
            {
                writer.WriteStartObject(".");
                writer.WriteEndObject();
            }
            foreach ((string element, FieldSet child) in node._children)
            {
                writer.WritePropertyName(element);
                Write(writer, child);
            }
            writer.WriteEndObject();
        }
    }

    /// <summary>Reads fieldsV1; false (and an empty set) when it is not a tree of objects.</summary>
    public static bool TryParse(JsonElement fieldsV1, out FieldSet set)
    {
        set = new FieldSet();
        if (fieldsV1.ValueKind != JsonValueKind.Object || !Read(fieldsV1, set))
        {
            set = new FieldSet();
            return false;
        }
        // The root is the object itself, never a member.
        set.IsMember = false;
        return true;

        static bool Read(JsonElement element, FieldSet node)
        {
            bool any = false;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }
                any = true;
                if (property.Name == ".")
                {
                    node.IsMember = true;
                }
                else if (!Read(property.Value, node.Child(property.Name)))
                {
                    return false;
                }
            }
            if (!any)
            {
                node.IsMember = true;
            }
            return true;
        }
    }

    public override string ToString() => ToFieldsV1().GetRawText();
}

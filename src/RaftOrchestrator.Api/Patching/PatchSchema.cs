using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// The shape of a model type as strategic merge patch and server-side apply see it, built once per type by
/// reflection over public properties (see <see cref="For(Type)"/>). A field the schema does not know (including
/// free-form JSON) has no schema: it is merged as plain JSON.
/// </summary>
public sealed class PatchSchema
{
    private static readonly ConcurrentDictionary<Type, PatchSchema> s_cache = new();
    private static readonly Lock s_buildLock = new();
    private static readonly Dictionary<string, PatchSchema> s_noFields = [];

    private Dictionary<string, PatchSchema> _fields;

    private PatchSchema(PatchSchemaKind kind, Dictionary<string, PatchSchema>? fields = null, PatchSchema? elements = null)
    {
        Kind = kind;
        _fields = fields ?? s_noFields;
        Elements = elements;
    }

    public static PatchSchema Scalar { get; } = new(PatchSchemaKind.Scalar);

    public PatchSchemaKind Kind { get; }

    /// <summary>An object's fields by JSON name.</summary>
    public IReadOnlyDictionary<string, PatchSchema> Fields => _fields;

    /// <summary>A list's element schema, or a map's value schema.</summary>
    public PatchSchema? Elements { get; }

    /// <summary>A list merged element by element, matching on this field of the elements (patchMergeKey).</summary>
    public string? MergeKey { get; private init; }

    /// <summary>A list of scalars merged as a set (patchStrategy "merge" without a key, e.g. finalizers).</summary>
    public bool MergeSet { get; private init; }

    /// <summary>An object whose patch clears every field it does not name (patchStrategy "retainKeys").</summary>
    public bool RetainKeys { get; private init; }

    /// <summary>A list that is neither keyed nor a set: patches and applies replace it whole (listType=atomic).</summary>
    public bool IsAtomicList => Kind == PatchSchemaKind.List && MergeKey is null && !MergeSet;

    /// <summary>The schema of a member of this object or map; null when unknown (merged as plain JSON).</summary>
    public PatchSchema? Member(string name) => Kind switch
    {
        PatchSchemaKind.Struct => _fields.GetValueOrDefault(name),
        PatchSchemaKind.Map => Elements,
        _ => null,
    };

    public static PatchSchema For<T>() => For(typeof(T));

    /// <summary>
    /// The schema of a model type, cached. JSON names are [JsonPropertyName] or the camelCase property name;
    /// [JsonIgnore] (always) properties are left out. List&lt;T&gt;/arrays are lists of T's schema, string-keyed
    /// dictionaries are maps, other classes are objects; value types (numbers, times, Quantity, IntOrString),
    /// strings and byte[] are scalars; JsonElement/JsonNode/object are free-form (no schema).
    /// </summary>
    public static PatchSchema For(Type type)
    {
        if (s_cache.TryGetValue(type, out PatchSchema? cached))
        {
            return cached;
        }
        lock (s_buildLock)
        {
            var building = new Dictionary<Type, PatchSchema>();
            PatchSchema schema = Build(type, building) ?? Scalar;
            foreach ((Type t, PatchSchema s) in building)
            {
                s_cache.TryAdd(t, s);
            }
            return s_cache.GetOrAdd(type, schema);
        }
    }

    private static PatchSchema? Build(Type type, Dictionary<Type, PatchSchema> building)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return null;
        }
        if (type.IsValueType || type == typeof(string) || type == typeof(byte[]))
        {
            return Scalar;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            return new PatchSchema(PatchSchemaKind.Map, elements: Build(valueType, building));
        }
        if (ListElementType(type) is { } elementType)
        {
            return new PatchSchema(PatchSchemaKind.List, elements: Build(elementType, building));
        }
        if (s_cache.TryGetValue(type, out PatchSchema? known) || building.TryGetValue(type, out known))
        {
            return known;
        }
        // Registered before its fields are built, so recursive types (JSON schema props) refer to themselves.
        var schema = new PatchSchema(PatchSchemaKind.Struct, []);
        building[type] = schema;
        var fields = new Dictionary<string, PatchSchema>(StringComparer.Ordinal);
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }
            string name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (Build(property.PropertyType, building) is { } field)
            {
                fields[name] = Tag(field, property);
            }
        }
        schema._fields = fields;
        return schema;
    }

    /// <summary>Applies a property's patchMergeKey/patchStrategy to its type's schema (a copy when tags change it).</summary>
    private static PatchSchema Tag(PatchSchema schema, PropertyInfo property)
    {
        string? key = property.GetCustomAttribute<PatchMergeKeyAttribute>()?.Key;
        string[] strategies = property.GetCustomAttribute<PatchStrategyAttribute>()?.Strategy
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        bool merge = strategies.Contains("merge", StringComparer.Ordinal);
        bool retainKeys = strategies.Contains("retainKeys", StringComparer.Ordinal);
        if (schema.Kind == PatchSchemaKind.List)
        {
            PatchSchema? elements = schema.Elements;
            if (retainKeys && elements is { Kind: PatchSchemaKind.Struct })
            {
                elements = new PatchSchema(PatchSchemaKind.Struct, elements._fields) { RetainKeys = true };
            }
            bool keyed = key is not null && elements is { Kind: PatchSchemaKind.Struct };
            return new PatchSchema(PatchSchemaKind.List, elements: elements)
            {
                MergeKey = keyed ? key : null,
                MergeSet = !keyed && (merge || key is not null) && elements is not { Kind: PatchSchemaKind.Struct },
            };
        }
        if (retainKeys && schema.Kind == PatchSchemaKind.Struct)
        {
            return new PatchSchema(PatchSchemaKind.Struct, schema._fields) { RetainKeys = true };
        }
        return schema;
    }

    private static Type? DictionaryValueType(Type type) =>
        GenericInterface(type, typeof(IDictionary<,>)) is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ListElementType(Type type) =>
        type.IsArray ? type.GetElementType() : GenericInterface(type, typeof(IList<>))?.GetGenericArguments()[0];

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// The JSON encoding of the model: Kubernetes field names (camelCase), absent fields omitted, RFC 3339 times.
/// Metadata comes from source-generated contexts, one per API group; a new group's context is added to
/// <see cref="s_resolver"/>. <see cref="Strict"/> refuses unknown fields (fieldValidation=Strict).
/// </summary>
public static class ApiJson
{
    private static readonly IJsonTypeInfoResolver s_resolver = JsonTypeInfoResolver.Combine(
        MetaJsonContext.Default,
        CoreV1JsonContext.Default,
        WorkloadsJsonContext.Default,
        GroupsJsonContext.Default,
        DiscoveryJsonContext.Default);

    /// <summary>Unknown fields are dropped (fieldValidation=Ignore, and everything the server reads back from the store).</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonUnmappedMemberHandling.Skip);

    /// <summary>Unknown fields fail the read with a <see cref="JsonException"/> whose Path names the field.</summary>
    public static JsonSerializerOptions Strict { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    public static JsonTypeInfo<T> TypeInfo<T>(bool strict = false) => (JsonTypeInfo<T>)(strict ? Strict : Options).GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = s_resolver,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = unmapped,
            // A JSON null for a field the model declares non-nullable (a pod's spec) is a decoding error, as a
            // type error is, instead of an object with a hole that fails later.
            RespectNullableAnnotations = true,
            MaxDepth = 64,
        };
        options.Converters.Add(new TimeJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}

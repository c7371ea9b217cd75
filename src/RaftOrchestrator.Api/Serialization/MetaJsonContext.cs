using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(TypeMeta))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(LabelSelector))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(List<ManagedFieldsEntry>))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class MetaJsonContext : JsonSerializerContext;

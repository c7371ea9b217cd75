using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>core/v1 kinds other than Pod (the workloads have their own context). Only roots are listed; nested types follow.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(ObjectList<ConfigMap>))]
public sealed partial class CoreV1JsonContext : JsonSerializerContext;

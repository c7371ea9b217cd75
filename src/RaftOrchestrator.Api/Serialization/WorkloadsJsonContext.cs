using System.Text.Json.Serialization;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>Pods and their controllers (core/v1 Pod, ReplicationController; apps/v1 Deployment, ReplicaSet).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
public sealed partial class WorkloadsJsonContext : JsonSerializerContext;

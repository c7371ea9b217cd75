using System.Text.Json.Serialization;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>The groups beyond core and apps (coordination.k8s.io, autoscaling, policy, authorization.k8s.io, authentication.k8s.io).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
public sealed partial class GroupsJsonContext : JsonSerializerContext;

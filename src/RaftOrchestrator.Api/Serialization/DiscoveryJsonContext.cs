using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// discovery.k8s.io/v1. A context of its own: its EndpointPort shares a simple name with core/v1's, and one context
/// cannot hold two types of the same name.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(ObjectList<EndpointSlice>))]
public sealed partial class DiscoveryJsonContext : JsonSerializerContext;

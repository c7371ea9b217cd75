using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>
/// discovery.k8s.io/v1 EndpointSlice: a bounded share of the endpoints behind a service (labelled
/// kubernetes.io/service-name), all of one address type. A service has as many slices as its endpoints need.
/// </summary>
[MessagePackObject]
public sealed class EndpointSlice : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    /// <summary>IPv4, IPv6 or FQDN; immutable after creation.</summary>
    [Key(3)] public string AddressType { get; set; } = "";

    [Key(4)] public List<Endpoint>? Endpoints { get; set; }

    /// <summary>Served by every endpoint of the slice; none means no ports are defined.</summary>
    [Key(5)] public List<EndpointPort>? Ports { get; set; }
}

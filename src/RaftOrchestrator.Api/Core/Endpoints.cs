using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 Endpoints: the addresses behind a service, named as the service.</summary>
[MessagePackObject]
public sealed class Endpoints : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public List<EndpointSubset>? Subsets { get; set; }
}

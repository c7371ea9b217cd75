using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Every address of a subset serves every port of it.</summary>
[MessagePackObject]
public sealed class EndpointSubset
{
    [Key(0)] public List<EndpointAddress>? Addresses { get; set; }

    [Key(1)] public List<EndpointAddress>? NotReadyAddresses { get; set; }

    [Key(2)] public List<EndpointPort>? Ports { get; set; }
}

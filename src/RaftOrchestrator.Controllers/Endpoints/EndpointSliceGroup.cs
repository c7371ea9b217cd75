using RaftOrchestrator.Api.Discovery;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// The endpoints of a service that share one address type and one resolved port list (pods whose named ports
/// resolve to different numbers fall into different groups): the unit slices are packed from.
/// </summary>
internal sealed record EndpointSliceGroup(string AddressType, List<EndpointPort> Ports, List<Endpoint> Endpoints)
{
    /// <summary>The group key of a port list: its ports sorted, so order on the wire does not matter.</summary>
    public static string KeyOf(IEnumerable<EndpointPort>? ports) =>
        string.Join(";", (ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}/{p.AppProtocol}").Order(StringComparer.Ordinal));

    public string Key => KeyOf(Ports);

    /// <summary>An endpoint's identity across passes: its pod and first address.</summary>
    public static string IdentityOf(Endpoint endpoint) => $"{endpoint.TargetRef?.Uid}/{endpoint.Addresses.FirstOrDefault()}";
}

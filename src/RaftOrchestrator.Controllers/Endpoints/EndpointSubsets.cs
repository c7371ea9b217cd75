using System.Globalization;
using System.Net;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// The subsets of a core/v1 Endpoints, packed as Kubernetes' RepackSubsets packs them: every port maps to the
/// addresses serving it, and ports served by exactly the same addresses (with the same readiness) share a subset.
/// Addresses are sorted by IP then pod uid, ports by name and number, subsets by their first address, so the same
/// pods always give the same bytes (an unchanged service writes nothing).
/// </summary>
internal sealed class EndpointSubsets
{
    /// <summary>The port of addresses with no port at all (a headless service without ports).</summary>
    private static readonly EndpointPort s_noPort = new() { Port = -1 };

    private readonly Dictionary<string, (EndpointPort Port, Dictionary<string, (EndpointAddress Address, bool Ready)> Addresses)> _byPort = [];

    public int Ready { get; private set; }

    public int NotReady { get; private set; }

    /// <summary>Adds an address serving <paramref name="port"/> (null: no port).</summary>
    public void Add(EndpointAddress address, EndpointPort? port, bool ready)
    {
        EndpointPort key = port ?? s_noPort;
        string portKey = $"{key.Name}/{key.Port.ToString(CultureInfo.InvariantCulture)}/{key.Protocol}/{key.AppProtocol}";
        if (!_byPort.TryGetValue(portKey, out var entry))
        {
            entry = (key, []);
            _byPort[portKey] = entry;
        }
        entry.Addresses[AddressKey(address)] = (address, ready);
        if (ready)
        {
            Ready++;
        }
        else
        {
            NotReady++;
        }
    }

    public List<EndpointSubset> Pack()
    {
        var byAddressSet = new Dictionary<string, (List<(EndpointAddress Address, bool Ready)> Addresses, List<EndpointPort> Ports)>(StringComparer.Ordinal);
        foreach ((EndpointPort port, Dictionary<string, (EndpointAddress Address, bool Ready)> addresses) in _byPort.Values)
        {
            string setKey = string.Join(";", addresses.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.Ready}"));
            if (!byAddressSet.TryGetValue(setKey, out var group))
            {
                group = ([.. addresses.Values], []);
                byAddressSet[setKey] = group;
            }
            if (port.Port > 0)
            {
                group.Ports.Add(port);
            }
        }
        List<EndpointSubset> subsets = [.. byAddressSet.Values.Select(g => new EndpointSubset
        {
            Addresses = Sorted(g.Addresses.Where(a => a.Ready)),
            NotReadyAddresses = Sorted(g.Addresses.Where(a => !a.Ready)),
            Ports = g.Ports.Count == 0 ? null : [.. g.Ports.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal)],
        })];
        subsets.Sort((a, b) => string.CompareOrdinal(FirstKey(a), FirstKey(b)));
        return subsets;
    }

    private static List<EndpointAddress>? Sorted(IEnumerable<(EndpointAddress Address, bool Ready)> addresses)
    {
        List<EndpointAddress> list = [.. addresses.Select(a => a.Address).OrderBy(AddressKey, StringComparer.Ordinal)];
        return list.Count == 0 ? null : list;
    }

    private static string FirstKey(EndpointSubset subset) =>
        AddressKey((subset.Addresses ?? subset.NotReadyAddresses)![0]) + "|" + subset.Ports?.FirstOrDefault()?.Name;

    /// <summary>The IP as sortable bytes (IPv4 before IPv6, numeric order), then the pod uid.</summary>
    private static string AddressKey(EndpointAddress address) =>
        (IPAddress.TryParse(address.Ip, out IPAddress? ip) ? Convert.ToHexString(ip.MapToIPv6().GetAddressBytes()) : address.Ip)
        + "/" + address.TargetRef?.Uid;
}

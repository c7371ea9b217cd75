using System.Text;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>Endpoints: port protocols default to TCP; every subset has addresses and ports.</summary>
public sealed class EndpointsResourceStrategy : ResourceStrategy<Endpoints>
{
    /// <summary>How many addresses the Endpoints column shows before "+ N more...".</summary>
    private const int ShownEndpoints = 3;

    public override IReadOnlyList<TableColumn> Columns { get; } =
        [TableColumn.Text("Endpoints", "Endpoints is the list of addresses and ports served by this service."), TableColumn.Age];

    public override void ApplyDefaults(Endpoints value)
    {
        foreach (EndpointSubset subset in value.Subsets ?? [])
        {
            foreach (EndpointPort port in subset.Ports ?? [])
            {
                if (string.IsNullOrEmpty(port.Protocol))
                {
                    port.Protocol = "TCP";
                }
            }
        }
    }

    public override void Validate(Endpoints value, FieldErrorList errors)
    {
        List<EndpointSubset> subsets = value.Subsets ?? [];
        for (int i = 0; i < subsets.Count; i++)
        {
            EndpointSubset subset = subsets[i];
            string field = $"subsets[{i}]";
            if ((subset.Addresses?.Count ?? 0) == 0 && (subset.NotReadyAddresses?.Count ?? 0) == 0)
            {
                errors.Required(field, "must specify `addresses` or `notReadyAddresses`");
            }
            Addresses($"{field}.addresses", subset.Addresses, errors);
            Addresses($"{field}.notReadyAddresses", subset.NotReadyAddresses, errors);
            Ports($"{field}.ports", subset.Ports ?? [], errors);
        }
    }

    public override void TableRow(Endpoints value, DateTime now, List<object?> cells)
    {
        cells.Add(EndpointsText(value));
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }

    /// <summary>
    /// kubectl's Endpoints column: "ip:port" for every ready address and port (just the IP for a subset without
    /// ports), the first three shown and the rest counted as " + N more...", "&lt;none&gt;" when empty.
    /// </summary>
    public static string EndpointsText(Endpoints value)
    {
        var shown = new List<string>(ShownEndpoints);
        int total = 0;
        foreach (EndpointSubset subset in value.Subsets ?? [])
        {
            List<EndpointAddress> addresses = subset.Addresses ?? [];
            if ((subset.Ports?.Count ?? 0) == 0)
            {
                total += addresses.Count;
                shown.AddRange(addresses.Take(ShownEndpoints - shown.Count).Select(a => a.Ip));
                continue;
            }
            foreach (EndpointPort port in subset.Ports!)
            {
                total += addresses.Count;
                foreach (EndpointAddress address in addresses.Take(ShownEndpoints - shown.Count))
                {
                    shown.Add(HostPort(address.Ip, port.Port));
                }
            }
        }
        var text = new StringBuilder(string.Join(",", shown));
        if (total > shown.Count)
        {
            text.Append(" + ").Append(total - shown.Count).Append(" more...");
        }
        return text.Length == 0 ? "<none>" : text.ToString();
    }

    /// <summary>An IPv6 address is bracketed, as Go's net.JoinHostPort does.</summary>
    private static string HostPort(string ip, int port) =>
        ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port}" : $"{ip}:{port}";

    private static void Addresses(string field, List<EndpointAddress>? addresses, FieldErrorList errors)
    {
        for (int i = 0; i < (addresses?.Count ?? 0); i++)
        {
            EndpointAddress address = addresses![i];
            NetworkValidation.Ip($"{field}[{i}].ip", address.Ip, errors);
            if (!string.IsNullOrEmpty(address.Hostname))
            {
                NameValidation.Dns1123Label($"{field}[{i}].hostname", address.Hostname, errors);
            }
            if (!string.IsNullOrEmpty(address.NodeName))
            {
                NameValidation.Dns1123Subdomain($"{field}[{i}].nodeName", address.NodeName, errors);
            }
        }
    }

    private static void Ports(string field, List<EndpointPort> ports, FieldErrorList errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ports.Count; i++)
        {
            EndpointPort port = ports[i];
            if (string.IsNullOrEmpty(port.Name))
            {
                if (ports.Count > 1)
                {
                    errors.Required($"{field}[{i}].name");
                }
            }
            else
            {
                NameValidation.Dns1123Label($"{field}[{i}].name", port.Name, errors);
                if (!names.Add(port.Name))
                {
                    errors.Duplicate($"{field}[{i}].name", port.Name);
                }
            }
            NetworkValidation.PortNumber($"{field}[{i}].port", port.Port, errors);
            NetworkValidation.Protocol($"{field}[{i}].protocol", port.Protocol, errors);
        }
    }
}

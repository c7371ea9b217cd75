using System.Globalization;
using System.Text;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

public sealed partial class ServiceResourceStrategy
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Type", "type determines how the Service is exposed."),
        TableColumn.Text("Cluster-IP", "clusterIP is the IP address of the service."),
        TableColumn.Text("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        TableColumn.Text("Port(s)", "The list of ports that are exposed by this service."),
        TableColumn.Age,
        TableColumn.Text("Selector", "Route service traffic to pods with label keys and values matching this selector.", priority: 1),
    ];

    public override void TableRow(Service value, DateTime now, List<object?> cells)
    {
        ServiceSpec spec = value.Spec ?? new ServiceSpec();
        cells.Add(spec.Type ?? "");
        cells.Add(string.IsNullOrEmpty(spec.ClusterIP) ? "<none>" : spec.ClusterIP);
        cells.Add(ExternalIp(value));
        string ports = PortsText(spec.Ports);
        cells.Add(ports.Length == 0 ? "<none>" : ports);
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(SelectorText(spec.Selector));
    }

    /// <summary>"80/TCP", or "80:30080/TCP" with a node port, comma-separated.</summary>
    public static string PortsText(IEnumerable<ServicePort>? ports)
    {
        var text = new StringBuilder();
        foreach (ServicePort port in ports ?? [])
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }
            text.Append(port.Port.ToString(CultureInfo.InvariantCulture));
            if (port.NodePort is int nodePort and > 0)
            {
                text.Append(':').Append(nodePort.ToString(CultureInfo.InvariantCulture));
            }
            text.Append('/').Append(port.Protocol);
        }
        return text.ToString();
    }

    /// <summary>
    /// kubectl's External-IP: the external IPs of a ClusterIP or NodePort service; for a load balancer those and
    /// its ingress addresses, "&lt;pending&gt;" until it has any; the external name of an ExternalName service.
    /// </summary>
    public static string ExternalIp(Service value)
    {
        ServiceSpec spec = value.Spec ?? new ServiceSpec();
        List<string> external = spec.ExternalIPs ?? [];
        switch (spec.Type)
        {
            case ClusterIP or NodePort:
                return TableFormat.JoinOrNone(external);
            case LoadBalancer:
                List<string> ingress = [.. (value.Status?.LoadBalancer?.Ingress ?? [])
                    .Select(i => string.IsNullOrEmpty(i.Ip) ? i.Hostname ?? "" : i.Ip)
                    .Where(a => a.Length > 0)];
                if (ingress.Count == 0 && external.Count == 0)
                {
                    return "<pending>";
                }
                return string.Join(",", external.Concat(ingress));
            case ExternalName:
                return spec.ExternalName ?? "";
            default:
                return "<unknown>";
        }
    }

    /// <summary>A label map as "k=v,k2=v2" with the keys sorted, "&lt;none&gt;" when empty.</summary>
    public static string SelectorText(IReadOnlyDictionary<string, string>? selector) =>
        TableFormat.JoinOrNone((selector ?? new Dictionary<string, string>())
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
}

using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

public sealed partial class NodeResourceStrategy
{
    private const string RoleLabelPrefix = "node-role.kubernetes.io/";
    private const string LegacyRoleLabel = "kubernetes.io/role";

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Status", "The status of the node"),
        TableColumn.Text("Roles", "The roles of the node"),
        TableColumn.Age,
        TableColumn.Text("Version", "Kubelet Version reported by the node."),
        TableColumn.Text("Internal-IP", "List of internal IPs.", priority: 1),
        TableColumn.Text("External-IP", "List of external IPs.", priority: 1),
        TableColumn.Text("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", priority: 1),
        TableColumn.Text("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", priority: 1),
        TableColumn.Text("Container-Runtime", "Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).", priority: 1),
    ];

    public override void TableRow(Node value, DateTime now, List<object?> cells)
    {
        NodeSystemInfo? info = value.Status?.NodeInfo;
        cells.Add(StatusText(value));
        cells.Add(TableFormat.JoinOrNone(Roles(value)));
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(info?.KubeletVersion ?? "");
        cells.Add(Address(value, "InternalIP"));
        cells.Add(Address(value, "ExternalIP"));
        cells.Add(OrUnknown(info?.OSImage));
        cells.Add(OrUnknown(info?.KernelVersion));
        cells.Add(OrUnknown(info?.ContainerRuntimeVersion));
    }

    /// <summary>"Ready", "NotReady" or "Unknown" from the Ready condition, then ",SchedulingDisabled" when cordoned.</summary>
    public static string StatusText(Node value)
    {
        NodeCondition? ready = value.Status?.Conditions?.Find(c => c.Type == "Ready");
        string status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return value.Spec?.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>The roles from node-role.kubernetes.io/&lt;role&gt; labels and the legacy kubernetes.io/role label, sorted.</summary>
    public static IReadOnlyList<string> Roles(Node value)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string key, string label) in value.Metadata.Labels ?? [])
        {
            if (key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) && key.Length > RoleLabelPrefix.Length)
            {
                roles.Add(key[RoleLabelPrefix.Length..]);
            }
            else if (key == LegacyRoleLabel && label.Length > 0)
            {
                roles.Add(label);
            }
        }
        return [.. roles];
    }

    private static string Address(Node value, string type) =>
        value.Status?.Addresses?.Find(a => a.Type == type)?.Address is { Length: > 0 } address ? address : "<none>";

    private static string OrUnknown(string? text) => string.IsNullOrEmpty(text) ? "<unknown>" : text;
}

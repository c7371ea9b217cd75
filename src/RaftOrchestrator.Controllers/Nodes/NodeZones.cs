using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// The failure zone a node belongs to, from its region and zone labels (the GA topology.kubernetes.io ones, else the
/// deprecated failure-domain.beta ones). Nodes with neither share the zone "". Eviction is rate-limited per zone.
/// </summary>
public static class NodeZones
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string LegacyRegionLabel = "failure-domain.beta.kubernetes.io/region";
    public const string LegacyZoneLabel = "failure-domain.beta.kubernetes.io/zone";

    public static string KeyOf(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Dictionary<string, string>? labels = node.Metadata.Labels;
        if (labels is null)
        {
            return "";
        }
        string region = Label(labels, RegionLabel, LegacyRegionLabel);
        string zone = Label(labels, ZoneLabel, LegacyZoneLabel);
        // Kubernetes joins them with ":\0:" so that no pair of label values can collide.
        return region.Length == 0 && zone.Length == 0 ? "" : $"{region}:\0:{zone}";
    }

    private static string Label(Dictionary<string, string> labels, string name, string legacy) =>
        labels.TryGetValue(name, out string? value) && value.Length > 0 ? value
        : labels.TryGetValue(legacy, out string? old) ? old : "";
}

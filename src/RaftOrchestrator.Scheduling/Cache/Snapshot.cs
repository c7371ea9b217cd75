using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// The scheduler's view of the cluster for one or more cycles: NodeInfo copies in a stable order (zones
/// interleaved, then names), by name, plus the nodes that carry pods with affinity / required anti-affinity.
/// <see cref="SchedulerCache.UpdateSnapshot"/> brings it up to date in place, copying only nodes whose generation
/// is newer than <see cref="Generation"/>. Between updates it does not change; it belongs to the scheduling thread.
/// </summary>
public sealed class Snapshot
{
    internal readonly Dictionary<string, NodeInfo> ByName = new(StringComparer.Ordinal);
    private NodeInfo[] _nodes = [];
    private NodeInfo[] _havePodsWithAffinity = [];
    private NodeInfo[] _havePodsWithRequiredAntiAffinity = [];

    /// <summary>The cache generation this snapshot reflects.</summary>
    public long Generation { get; internal set; }

    /// <summary>Size of per-class arrays: every <see cref="NodeInfo.ClassId"/> is below it.</summary>
    public int ClassCount { get; internal set; }

    /// <summary>The cache's node-set version the ordered list was built for.</summary>
    internal long NodeSetVersion { get; set; } = -1;

    public IReadOnlyList<NodeInfo> Nodes => _nodes;

    /// <summary>The nodes as an array for the search loop; callers must not write to it.</summary>
    internal NodeInfo[] NodeArray => _nodes;

    public int Count => _nodes.Length;

    public IReadOnlyList<NodeInfo> HavePodsWithAffinity => _havePodsWithAffinity;

    public IReadOnlyList<NodeInfo> HavePodsWithRequiredAntiAffinity => _havePodsWithRequiredAntiAffinity;

    public NodeInfo? Get(string nodeName) => ByName.GetValueOrDefault(nodeName);

    /// <summary>A snapshot of these nodes and bound pods (pods without spec.nodeName are ignored): for tests and tools.</summary>
    public static Snapshot Create(IEnumerable<Node> nodes, IEnumerable<Pod>? pods = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var cache = new SchedulerCache();
        foreach (Node n in nodes)
        {
            cache.AddNode(n);
        }
        foreach (Pod p in pods ?? [])
        {
            if (!string.IsNullOrEmpty(p.Spec.NodeName))
            {
                cache.AddPod(p);
            }
        }
        var snapshot = new Snapshot();
        cache.UpdateSnapshot(snapshot);
        return snapshot;
    }

    /// <summary>Rebuilds the ordered lists: zones round-robin (sorted by zone key), names sorted within a zone.</summary>
    internal void RebuildLists()
    {
        var zones = ByName.Values
            .GroupBy(n => ZoneKey(n), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(n => n.Name, StringComparer.Ordinal).ToArray())
            .ToArray();
        var ordered = new NodeInfo[ByName.Count];
        int k = 0;
        for (int i = 0; k < ordered.Length; i++)
        {
            foreach (NodeInfo[] zone in zones)
            {
                if (i < zone.Length)
                {
                    ordered[k++] = zone[i];
                }
            }
        }
        _nodes = ordered;
        RebuildAffinityLists();
    }

    internal void RebuildAffinityLists()
    {
        _havePodsWithAffinity = [.. _nodes.Where(n => n.PodsWithAffinity.Count > 0)];
        _havePodsWithRequiredAntiAffinity = [.. _nodes.Where(n => n.PodsWithRequiredAntiAffinity.Count > 0)];
    }

    /// <summary>region and zone, as kube-scheduler's node tree groups nodes ("" for a node with neither).</summary>
    internal static string ZoneKey(NodeInfo node) => ZoneKey(node.Labels);

    internal static string ZoneKey(IReadOnlyDictionary<string, string> labels)
    {
        string region = labels.GetValueOrDefault("topology.kubernetes.io/region") ?? labels.GetValueOrDefault("failure-domain.beta.kubernetes.io/region") ?? "";
        string zone = labels.GetValueOrDefault("topology.kubernetes.io/zone") ?? labels.GetValueOrDefault("failure-domain.beta.kubernetes.io/zone") ?? "";
        return region.Length == 0 && zone.Length == 0 ? "" : region + ":\0:" + zone;
    }
}

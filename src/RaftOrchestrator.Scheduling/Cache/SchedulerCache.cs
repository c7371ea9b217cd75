using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// kube-scheduler's cache as a pure data structure: the driver feeds it nodes and bound pods from informers, and
/// the scheduler assumes pods onto nodes before their binds are confirmed, so the next cycle already counts them.
/// Every change stamps the node with a fresh generation and moves it to the head of a most-recently-changed list;
/// <see cref="UpdateSnapshot"/> walks that list only until it meets a generation the snapshot already has, so a
/// cycle copies the one or two nodes that changed, not all 5,000.
/// Time never comes from a clock: expiry takes "now" as an argument. Not thread-safe: the driver serialises calls.
/// </summary>
public sealed partial class SchedulerCache
{
    private readonly Dictionary<string, NodeItem> _nodes = new(StringComparer.Ordinal);
    private readonly NodeClassTable _classes = new();
    private NodeItem? _head;
    private long _generation;
    private long _nodeSetVersion;
    private int _realNodes;

    /// <param name="assumedPodTtl">How long an assumed pod whose binding finished may wait for its informer add
    /// before it expires; zero (kube-scheduler's default) means it never expires.</param>
    public SchedulerCache(TimeSpan assumedPodTtl = default)
    {
        AssumedPodTtl = assumedPodTtl;
    }

    public TimeSpan AssumedPodTtl { get; }

    /// <summary>Nodes with a Node object (placeholders for removed nodes that still have pods are not counted).</summary>
    public int NodeCount => _realNodes;

    /// <summary>Adds or replaces the node (an informer add or update).</summary>
    public void AddNode(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string name = node.Metadata.Name ?? throw new ArgumentException("node has no name", nameof(node));
        NodeItem item = GetOrCreate(name);
        NodeInfo info = item.Info;
        if (info.Node is null)
        {
            _realNodes++;
            _nodeSetVersion++;
        }
        else
        {
            if (Snapshot.ZoneKey(info) != ZoneKeyOf(node))
            {
                _nodeSetVersion++;
            }
            _classes.Release(info.ClassId);
        }
        info.SetNode(node, _classes.Acquire(node));
        Touch(item);
    }

    public void UpdateNode(Node node) => AddNode(node);

    /// <summary>
    /// Removes the node. Pods still counted on it keep a placeholder NodeInfo (no Node, never in a snapshot) until
    /// they are removed, as kube-scheduler does; false when the node was not known.
    /// </summary>
    public bool RemoveNode(string name)
    {
        if (!_nodes.TryGetValue(name, out NodeItem? item) || item.Info.Node is null)
        {
            return false;
        }
        _classes.Release(item.Info.ClassId);
        item.Info.SetNode(null, 0);
        _realNodes--;
        _nodeSetVersion++;
        if (item.Info.Pods.Count == 0)
        {
            Unlink(item);
            _nodes.Remove(name);
            _generation++;
        }
        else
        {
            Touch(item);
        }
        return true;
    }

    /// <summary>
    /// Brings <paramref name="snapshot"/> up to date: copies nodes changed since its generation, drops removed
    /// ones, and rebuilds the ordered lists only when the node set (or a zone) changed, or the affinity lists when
    /// a node gained or lost its first pod with affinity. Returns how many NodeInfos it copied.
    /// </summary>
    public int UpdateSnapshot(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int copied = 0;
        bool rebuildLists = snapshot.NodeSetVersion != _nodeSetVersion;
        bool rebuildAffinity = false;
        for (NodeItem? item = _head; item is not null && item.Info.Generation > snapshot.Generation; item = item.Next)
        {
            NodeInfo info = item.Info;
            if (info.Node is null)
            {
                rebuildLists |= snapshot.ByName.Remove(info.Name);
                continue;
            }
            if (snapshot.ByName.TryGetValue(info.Name, out NodeInfo? existing))
            {
                rebuildAffinity |= (existing.PodsWithAffinity.Count > 0) != (info.PodsWithAffinity.Count > 0)
                    || (existing.PodsWithRequiredAntiAffinity.Count > 0) != (info.PodsWithRequiredAntiAffinity.Count > 0);
                existing.CopyFrom(info);
            }
            else
            {
                snapshot.ByName[info.Name] = info.Clone();
                rebuildLists = true;
            }
            copied++;
        }
        if (snapshot.ByName.Count > _realNodes)
        {
            foreach (string gone in snapshot.ByName.Keys.Where(n => !_nodes.TryGetValue(n, out NodeItem? i) || i.Info.Node is null).ToList())
            {
                snapshot.ByName.Remove(gone);
            }
            rebuildLists = true;
        }
        snapshot.Generation = _generation;
        snapshot.ClassCount = _classes.Capacity;
        if (rebuildLists)
        {
            snapshot.RebuildLists();
            snapshot.NodeSetVersion = _nodeSetVersion;
        }
        else if (rebuildAffinity)
        {
            snapshot.RebuildAffinityLists();
        }
        return copied;
    }

    /// <summary>The live NodeInfo (tests and the driver's diagnostics; do not mutate).</summary>
    public NodeInfo? GetNodeInfo(string name) => _nodes.TryGetValue(name, out NodeItem? item) ? item.Info : null;

    private NodeItem GetOrCreate(string name)
    {
        if (!_nodes.TryGetValue(name, out NodeItem? item))
        {
            item = new NodeItem(new NodeInfo(name));
            _nodes[name] = item;
        }
        return item;
    }

    /// <summary>Stamps a new generation and moves the node to the head of the recently-changed list.</summary>
    private void Touch(NodeItem item)
    {
        item.Info.Generation = ++_generation;
        if (_head == item)
        {
            return;
        }
        Unlink(item);
        item.Next = _head;
        if (_head is not null)
        {
            _head.Prev = item;
        }
        _head = item;
    }

    private void Unlink(NodeItem item)
    {
        if (item.Prev is not null)
        {
            item.Prev.Next = item.Next;
        }
        if (item.Next is not null)
        {
            item.Next.Prev = item.Prev;
        }
        if (_head == item)
        {
            _head = item.Next;
        }
        item.Prev = null;
        item.Next = null;
    }

    private static string ZoneKeyOf(Node node) =>
        Snapshot.ZoneKey((IReadOnlyDictionary<string, string>?)node.Metadata.Labels ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty);

    private sealed class NodeItem(NodeInfo info)
    {
        public NodeInfo Info { get; } = info;

        public NodeItem? Prev { get; set; }

        public NodeItem? Next { get; set; }
    }
}

using System.Collections.ObjectModel;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// A node as the scheduler sees it: the Node, its allocatable, the totals its pods request, its pods (with the
/// ones carrying affinity terms indexed), the host ports they use, and a generation that grows with every change.
/// The cache owns the live instances; a <see cref="Snapshot"/> holds copies, which plugins read and never change
/// (preemption simulates on <see cref="Clone"/>s). Node objects handed in are treated as immutable.
/// </summary>
public sealed class NodeInfo
{
    private readonly List<PodInfo> _pods = [];
    private readonly List<PodInfo> _podsWithAffinity = [];
    private readonly List<PodInfo> _podsWithRequiredAntiAffinity = [];
    private readonly List<HostPort> _usedPorts = [];
    // Derived from _pods and _podsWithRequiredAntiAffinity on first use and dropped on every change; the snapshot's
    // NodeInfos are read by one scheduling loop at a time, so the lazy build needs no lock.
    private PodGroup[]? _podGroups;
    private PodGroup[]? _antiAffinityGroups;

    public NodeInfo(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Null for a placeholder: the node was removed (or not yet seen) while pods still point at it.</summary>
    public Node? Node { get; private set; }

    /// <summary>status.allocatable (capacity when allocatable is absent), parsed once per node update.</summary>
    public Resource Allocatable { get; private set; } = new();

    /// <summary>Sum of the pods' effective requests.</summary>
    public Resource Requested { get; } = new();

    /// <summary>Sum of the pods' cpu requests with the 100m default per container (for scoring).</summary>
    public long NonZeroMilliCpu { get; private set; }

    /// <summary>Sum of the pods' memory requests with the 200Mi default per container (for scoring).</summary>
    public long NonZeroMemory { get; private set; }

    public IReadOnlyList<PodInfo> Pods => _pods;

    public IReadOnlyList<PodInfo> PodsWithAffinity => _podsWithAffinity;

    public IReadOnlyList<PodInfo> PodsWithRequiredAntiAffinity => _podsWithRequiredAntiAffinity;

    public IReadOnlyList<HostPort> UsedPorts => _usedPorts;

    /// <summary>The pods grouped by <see cref="PodInfo.GroupKey"/>, with counts (InterPodAffinity's PreFilter reads these).</summary>
    internal IReadOnlyList<PodGroup> PodGroups => _podGroups ??= Group(_pods, static p => p.GroupKey);

    /// <summary>The pods with required anti-affinity grouped by <see cref="PodInfo.AntiAffinityGroupKey"/>, with counts.</summary>
    internal IReadOnlyList<PodGroup> AntiAffinityGroups => _antiAffinityGroups ??= Group(_podsWithRequiredAntiAffinity, static p => p.AntiAffinityGroupKey);

    // Labels, taints and unschedulable are read for every node a pod is filtered or scored on: kept here when the
    // node is set (Node objects are immutable) so a cycle does not chase Node -> Spec -> list on thousands of nodes.
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = ReadOnlyDictionary<string, string>.Empty;

    public IReadOnlyList<Taint> Taints { get; private set; } = [];

    public bool Unschedulable { get; private set; }

    /// <summary>Set by the cache from a counter it owns; a snapshot copies nodes whose generation is newer than its own.</summary>
    public long Generation { get; internal set; }

    /// <summary>
    /// The node's class in its snapshot: nodes of one class have equal labels (except kubernetes.io/hostname),
    /// taints, unschedulable and allocatable, so a filter that reads only those answers once per (pod, class).
    /// </summary>
    public int ClassId { get; internal set; }

    internal void SetNode(Node? node, int classId)
    {
        Node = node;
        ClassId = classId;
        Labels = (IReadOnlyDictionary<string, string>?)node?.Metadata.Labels ?? ReadOnlyDictionary<string, string>.Empty;
        Taints = node?.Spec?.Taints is { Count: > 0 } taints ? [.. taints] : [];
        Unschedulable = node?.Spec?.Unschedulable == true;
        Allocatable = node is null ? new Resource() : Resource.FromList(node.Status?.Allocatable ?? node.Status?.Capacity);
    }

    /// <summary>Counts the pod on this node (bound or assumed).</summary>
    public void AddPod(PodInfo pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        (_podGroups, _antiAffinityGroups) = (null, null);
        _pods.Add(pod);
        if (pod.HasAffinity)
        {
            _podsWithAffinity.Add(pod);
        }
        if (pod.HasRequiredAntiAffinity)
        {
            _podsWithRequiredAntiAffinity.Add(pod);
        }
        Requested.Add(pod.Requests);
        NonZeroMilliCpu += pod.NonZeroMilliCpu;
        NonZeroMemory += pod.NonZeroMemory;
        foreach (HostPort p in pod.HostPorts)
        {
            _usedPorts.Add(p);
        }
    }

    /// <summary>Uncounts the pod with this uid; false when it is not on this node.</summary>
    public bool RemovePod(string uid)
    {
        int i = _pods.FindIndex(p => p.Uid == uid);
        if (i < 0)
        {
            return false;
        }
        PodInfo pod = _pods[i];
        (_podGroups, _antiAffinityGroups) = (null, null);
        _pods.RemoveAt(i);
        _podsWithAffinity.Remove(pod);
        _podsWithRequiredAntiAffinity.Remove(pod);
        Requested.Subtract(pod.Requests);
        NonZeroMilliCpu -= pod.NonZeroMilliCpu;
        NonZeroMemory -= pod.NonZeroMemory;
        foreach (HostPort p in pod.HostPorts)
        {
            _usedPorts.Remove(p);
        }
        return true;
    }

    /// <summary>A deep copy (pod lists and totals); PodInfos and the Node are shared, being immutable.</summary>
    public NodeInfo Clone()
    {
        var copy = new NodeInfo(Name);
        copy.CopyFrom(this);
        return copy;
    }

    internal void CopyFrom(NodeInfo other)
    {
        Node = other.Node;
        ClassId = other.ClassId;
        Labels = other.Labels;
        Taints = other.Taints;
        Unschedulable = other.Unschedulable;
        Allocatable = other.Allocatable;
        Requested.CopyFrom(other.Requested);
        NonZeroMilliCpu = other.NonZeroMilliCpu;
        NonZeroMemory = other.NonZeroMemory;
        Generation = other.Generation;
        (_podGroups, _antiAffinityGroups) = (null, null);
        Replace(_pods, other._pods);
        Replace(_podsWithAffinity, other._podsWithAffinity);
        Replace(_podsWithRequiredAntiAffinity, other._podsWithRequiredAntiAffinity);
        _usedPorts.Clear();
        _usedPorts.AddRange(other._usedPorts);
    }

    /// <summary>Groups by key in first-seen order (a node holds at most a few hundred pods in a few groups).</summary>
    private static PodGroup[] Group(List<PodInfo> pods, Func<PodInfo, string> keyOf)
    {
        var groups = new List<PodGroup>();
        foreach (PodInfo pod in pods)
        {
            string key = keyOf(pod);
            int at = groups.FindIndex(g => string.Equals(g.Key, key, StringComparison.Ordinal));
            if (at < 0)
            {
                groups.Add(new PodGroup(pod, key, 1));
            }
            else
            {
                groups[at] = groups[at] with { Count = groups[at].Count + 1 };
            }
        }
        return [.. groups];
    }

    private static void Replace(List<PodInfo> target, List<PodInfo> source)
    {
        target.Clear();
        target.AddRange(source);
    }

    public override string ToString() => $"{Name} (gen {Generation}, {_pods.Count} pods, requested {Requested})";
}

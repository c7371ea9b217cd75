using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// An immutable <see cref="INominatedPods"/>: the nominations as of the moment it was built. Pods keep the order
/// they were given in per node (the order filtering adds them in).
/// </summary>
public sealed class NominatedPods : INominatedPods
{
    private readonly Dictionary<string, PodInfo[]> _byNode;

    private NominatedPods(Dictionary<string, PodInfo[]> byNode)
    {
        _byNode = byNode;
    }

    public static NominatedPods Empty { get; } = new(new Dictionary<string, PodInfo[]>(StringComparer.Ordinal));

    public IReadOnlyCollection<string> NodeNames => _byNode.Keys;

    /// <summary>Pods nominated, over all nodes.</summary>
    public int Count => _byNode.Values.Sum(p => p.Length);

    /// <summary>Groups (node name, pod) pairs by node; no pairs gives <see cref="Empty"/>.</summary>
    public static NominatedPods Create(IEnumerable<(string NodeName, PodInfo Pod)> nominations)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        var byNode = new Dictionary<string, PodInfo[]>(StringComparer.Ordinal);
        foreach (IGrouping<string, (string NodeName, PodInfo Pod)> group in nominations.GroupBy(n => n.NodeName, StringComparer.Ordinal))
        {
            byNode[group.Key] = [.. group.Select(n => n.Pod)];
        }
        return byNode.Count == 0 ? Empty : new NominatedPods(byNode);
    }

    public IReadOnlyList<PodInfo> NominatedPodsForNode(string nodeName) =>
        _byNode.TryGetValue(nodeName, out PodInfo[]? pods) ? pods : [];
}

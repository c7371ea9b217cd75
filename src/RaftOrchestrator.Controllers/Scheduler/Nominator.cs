using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Pods nominated to a node by preemption (status.nominatedNodeName, or set by this scheduler before the status
/// write lands), so the next cycles leave room for them on that node. Shares the scheduling queue's lock: the
/// *Locked members are called with it held, the public ones take it.
/// </summary>
/// <remarks>
/// The scheduling loop reads the nominations through <see cref="View"/>: an immutable <see cref="NominatedPods"/>
/// built under the lock when something changed since the last one and reused until the next change, so a cycle
/// takes the lock once, not once per node, and sees one consistent set while the informer threads go on.
/// </remarks>
public sealed class Nominator
{
    private readonly object _gate;
    private readonly Dictionary<string, List<PodInfo>> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeOf = new(StringComparer.Ordinal);

    // The last view handed out; null once a change made it stale.
    private NominatedPods? _view = NominatedPods.Empty;

    internal Nominator(object gate)
    {
        _gate = gate;
    }

    /// <summary>Nominates the pod to <paramref name="nodeName"/> (replacing an earlier nomination).</summary>
    public void Add(Pod pod, string nodeName) => Add(PodInfo.Create(pod), nodeName);

    /// <summary>Nominates the pod to <paramref name="nodeName"/> (replacing an earlier nomination), reusing its PodInfo.</summary>
    public void Add(PodInfo pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        lock (_gate)
        {
            AddLocked(pod, nodeName);
        }
    }

    /// <summary>Ends the pod's nomination; returns the node it was nominated to (null: none).</summary>
    public string? Delete(string key)
    {
        lock (_gate)
        {
            return DeleteLocked(key);
        }
    }

    /// <summary>The pods nominated to the node (a copy of the list; the pods are the informer's: read-only).</summary>
    public IReadOnlyList<Pod> NominatedPodsForNode(string nodeName)
    {
        lock (_gate)
        {
            return _byNode.TryGetValue(nodeName, out List<PodInfo>? pods) ? [.. pods.Select(p => p.Pod)] : [];
        }
    }

    /// <summary>The nominations as of now, for one scheduling cycle; the same instance until they change.</summary>
    public NominatedPods View()
    {
        lock (_gate)
        {
            return _view ??= NominatedPods.Create(_byNode.SelectMany(n => n.Value.Select(p => (n.Key, p))));
        }
    }

    public string? NominatedNodeOf(string key)
    {
        lock (_gate)
        {
            return _nodeOf.GetValueOrDefault(key);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodeOf.Count;
            }
        }
    }

    /// <summary>Nominates <paramref name="pod"/>; a null <paramref name="nodeName"/> takes status.nominatedNodeName (none: no nomination).</summary>
    internal void AddLocked(Pod pod, string? nodeName)
    {
        string? node = nodeName ?? pod.Status.NominatedNodeName;
        if (string.IsNullOrEmpty(node))
        {
            DeleteLocked(QueuedPod.KeyOf(pod));
            return;
        }
        AddLocked(PodInfo.Create(pod), node);
    }

    private void AddLocked(PodInfo pod, string node)
    {
        DeleteLocked(pod.Key);
        _nodeOf[pod.Key] = node;
        if (!_byNode.TryGetValue(node, out List<PodInfo>? pods))
        {
            pods = [];
            _byNode[node] = pods;
        }
        pods.Add(pod);
        _view = null;
    }

    /// <summary>An update keeps the nomination we made unless the pod's status now names another node.</summary>
    internal void UpdateLocked(Pod pod)
    {
        string key = QueuedPod.KeyOf(pod);
        string? status = pod.Status.NominatedNodeName;
        string? ours = _nodeOf.GetValueOrDefault(key);
        if (ours is null && string.IsNullOrEmpty(status))
        {
            return;
        }
        AddLocked(pod, string.IsNullOrEmpty(status) ? ours : status);
    }

    internal string? DeleteLocked(string key)
    {
        if (!_nodeOf.Remove(key, out string? node))
        {
            return null;
        }
        if (_byNode.TryGetValue(node, out List<PodInfo>? pods))
        {
            pods.RemoveAll(p => p.Key == key);
            if (pods.Count == 0)
            {
                _byNode.Remove(node);
            }
        }
        _view = null;
        return node;
    }

    internal void ClearLocked()
    {
        _byNode.Clear();
        _nodeOf.Clear();
        _view = NominatedPods.Empty;
    }
}

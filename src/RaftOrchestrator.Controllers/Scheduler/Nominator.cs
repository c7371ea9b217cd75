using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Pods nominated to a node by preemption (status.nominatedNodeName, or set by this scheduler before the status
/// write lands), so the next cycles leave room for them on that node. Shares the scheduling queue's lock: the
/// *Locked members are called with it held, the public ones take it.
/// </summary>
public sealed class Nominator
{
    private readonly object _gate;
    private readonly Dictionary<string, List<Pod>> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeOf = new(StringComparer.Ordinal);

    internal Nominator(object gate)
    {
        _gate = gate;
    }

    /// <summary>Nominates the pod to <paramref name="nodeName"/> (replacing an earlier nomination).</summary>
    public void Add(Pod pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            AddLocked(pod, nodeName);
        }
    }

    public void Delete(string key)
    {
        lock (_gate)
        {
            DeleteLocked(key);
        }
    }

    /// <summary>The pods nominated to the node (copies of the list; the pods are the informer's: read-only).</summary>
    public IReadOnlyList<Pod> NominatedPodsForNode(string nodeName)
    {
        lock (_gate)
        {
            return _byNode.TryGetValue(nodeName, out List<Pod>? pods) ? [.. pods] : [];
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
        string key = QueuedPod.KeyOf(pod);
        DeleteLocked(key);
        string? node = nodeName ?? pod.Status.NominatedNodeName;
        if (string.IsNullOrEmpty(node))
        {
            return;
        }
        _nodeOf[key] = node;
        if (!_byNode.TryGetValue(node, out List<Pod>? pods))
        {
            pods = [];
            _byNode[node] = pods;
        }
        pods.Add(pod);
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

    internal void DeleteLocked(string key)
    {
        if (!_nodeOf.Remove(key, out string? node))
        {
            return;
        }
        if (_byNode.TryGetValue(node, out List<Pod>? pods))
        {
            pods.RemoveAll(p => QueuedPod.KeyOf(p) == key);
            if (pods.Count == 0)
            {
                _byNode.Remove(node);
            }
        }
    }

    internal void ClearLocked()
    {
        _byNode.Clear();
        _nodeOf.Clear();
    }
}

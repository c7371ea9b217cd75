using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// Pod states, as kube-scheduler's cache keeps them: Added (the informer reported the pod bound), or Assumed (the
/// scheduler placed it and the bind is in flight). An assumed pod is confirmed by the informer's add, dropped by
/// <see cref="ForgetPod"/> when the bind fails, or expires <see cref="SchedulerCache.AssumedPodTtl"/> after
/// <see cref="FinishBinding"/> when no add ever comes. Outcomes are booleans: false means the call did not apply
/// (wrong state), never a half-applied change.
/// </summary>
public sealed partial class SchedulerCache
{
    private readonly Dictionary<string, PodState> _pods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assumed = new(StringComparer.Ordinal);

    public int PodCount => _pods.Count;

    public int AssumedPodCount => _assumed.Count;

    public bool IsAssumed(string uid) => _assumed.Contains(uid);

    /// <summary>The node the pod is counted on (bound or assumed), or null.</summary>
    public string? NodeOf(string uid) => _pods.TryGetValue(uid, out PodState? s) ? s.NodeName : null;

    /// <summary>Counts <paramref name="pod"/> on <paramref name="nodeName"/> before its bind is confirmed.</summary>
    public bool AssumePod(PodInfo pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (_pods.ContainsKey(pod.Uid))
        {
            return false;
        }
        AddToNode(pod, nodeName);
        _pods[pod.Uid] = new PodState(pod, nodeName) { Assumed = true };
        _assumed.Add(pod.Uid);
        return true;
    }

    /// <summary>The bind call returned: the assumed pod's expiry clock starts at <paramref name="now"/>.</summary>
    public bool FinishBinding(string uid, DateTimeOffset now)
    {
        if (!_assumed.Contains(uid))
        {
            return false;
        }
        PodState state = _pods[uid];
        state.BindingFinished = true;
        state.Deadline = AssumedPodTtl > TimeSpan.Zero ? now + AssumedPodTtl : null;
        return true;
    }

    /// <summary>The bind failed: the assumed pod no longer counts on its node.</summary>
    public bool ForgetPod(string uid)
    {
        if (!_assumed.Contains(uid))
        {
            return false;
        }
        RemoveState(uid);
        return true;
    }

    /// <summary>Expires assumed pods whose binding finished before now − TTL; returns their uids.</summary>
    public IReadOnlyList<string> CleanupExpiredAssumedPods(DateTimeOffset now)
    {
        List<string>? expired = null;
        foreach (string uid in _assumed)
        {
            PodState s = _pods[uid];
            if (s.BindingFinished && s.Deadline is { } deadline && now > deadline)
            {
                (expired ??= []).Add(uid);
            }
        }
        foreach (string uid in expired ?? [])
        {
            RemoveState(uid);
        }
        return (IReadOnlyList<string>?)expired ?? [];
    }

    /// <summary>
    /// The informer reports a bound pod. An assumed pod is confirmed (and moved if it landed elsewhere); a pod
    /// not yet known is added; false when the pod is already in the added state.
    /// </summary>
    public bool AddPod(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var info = PodInfo.Create(pod);
        string nodeName = pod.Spec.NodeName ?? "";
        if (_pods.TryGetValue(info.Uid, out PodState? state))
        {
            if (!state.Assumed)
            {
                return false;
            }
            RemoveFromNode(state.Pod.Uid, state.NodeName);
            _assumed.Remove(info.Uid);
        }
        AddToNode(info, nodeName);
        _pods[info.Uid] = new PodState(info, nodeName);
        return true;
    }

    /// <summary>Replaces an added pod's counts with its new version; false when the pod is not in the added state.</summary>
    public bool UpdatePod(Pod oldPod, Pod newPod)
    {
        ArgumentNullException.ThrowIfNull(oldPod);
        ArgumentNullException.ThrowIfNull(newPod);
        var info = PodInfo.Create(newPod);
        if (!_pods.TryGetValue(PodInfo.Create(oldPod).Uid, out PodState? state) || state.Assumed)
        {
            return false;
        }
        RemoveFromNode(state.Pod.Uid, state.NodeName);
        _pods.Remove(state.Pod.Uid);
        string nodeName = newPod.Spec.NodeName ?? state.NodeName;
        AddToNode(info, nodeName);
        _pods[info.Uid] = new PodState(info, nodeName);
        return true;
    }

    /// <summary>The pod was deleted (added or assumed); false when it was not counted.</summary>
    public bool RemovePod(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string uid = PodInfo.Create(pod).Uid;
        if (!_pods.ContainsKey(uid))
        {
            return false;
        }
        RemoveState(uid);
        return true;
    }

    private void RemoveState(string uid)
    {
        PodState state = _pods[uid];
        RemoveFromNode(uid, state.NodeName);
        _pods.Remove(uid);
        _assumed.Remove(uid);
    }

    private void AddToNode(PodInfo pod, string nodeName)
    {
        NodeItem item = GetOrCreate(nodeName);
        item.Info.AddPod(pod);
        Touch(item);
    }

    private void RemoveFromNode(string uid, string nodeName)
    {
        if (!_nodes.TryGetValue(nodeName, out NodeItem? item))
        {
            return;
        }
        item.Info.RemovePod(uid);
        if (item.Info.Node is null && item.Info.Pods.Count == 0)
        {
            Unlink(item);
            _nodes.Remove(nodeName);
            _generation++;
        }
        else
        {
            Touch(item);
        }
    }

    private sealed class PodState(PodInfo pod, string nodeName)
    {
        public PodInfo Pod { get; } = pod;

        public string NodeName { get; } = nodeName;

        public bool Assumed { get; init; }

        public bool BindingFinished { get; set; }

        public DateTimeOffset? Deadline { get; set; }
    }
}

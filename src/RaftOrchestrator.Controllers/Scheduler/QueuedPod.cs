using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// A pod in the scheduling queue with its queueing history (kube-scheduler's QueuedPodInfo). Owned by the queue
/// while queued, by the scheduling loop between Pop and the next Add*: only one of them touches it at a time.
/// </summary>
public sealed class QueuedPod
{
    private PodInfo? _info;
    private QueuedPodInfo? _sortInfo;

    public QueuedPod(Pod pod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Pod = pod;
        Key = KeyOf(pod);
        Timestamp = now;
        InitialAttemptTimestamp = now;
    }

    public Pod Pod { get; internal set; }

    /// <summary>namespace/name: the queue's identity of the pod.</summary>
    public string Key { get; }

    /// <summary>When the pod was last added to the queue (QueueSort's tie-break; backoff counts from it).</summary>
    public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>When the pod first entered the queue (for latency metrics and logs).</summary>
    public DateTimeOffset InitialAttemptTimestamp { get; }

    /// <summary>Scheduling attempts so far (incremented by Pop); the backoff grows with it.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The plugins that rejected the pod in its last attempt; the events they registered move it back.</summary>
    public IReadOnlyCollection<string> UnschedulablePlugins { get; set; } = [];

    /// <summary>Set by the loop when the last attempt ended in an error (not a rejection): retried with backoff only.</summary>
    public bool LastAttemptErrored { get; set; }

    /// <summary>The scheduling cycle Pop handed it out in; compared with the queue's move-request cycle.</summary>
    internal long PopCycle { get; set; }

    /// <summary>A sequence number breaking exact ties in the heaps, so order is total and deterministic.</summary>
    internal long Sequence { get; set; }

    public int Priority => Pod.Spec.Priority ?? 0;

    /// <summary>What the framework derives from the pod, computed once per version of the pod.</summary>
    public PodInfo Info => _info is { } info && ReferenceEquals(info.Pod, Pod) ? info : _info = PodInfo.Create(Pod);

    /// <summary>The framework's view for QueueSort, rebuilt only when the pod or its timestamp changed.</summary>
    public QueuedPodInfo SortInfo
    {
        get
        {
            PodInfo info = Info;
            if (_sortInfo is not { } sort || !ReferenceEquals(sort.Pod, info) || sort.Timestamp != Timestamp)
            {
                _sortInfo = sort = new QueuedPodInfo(info, Timestamp) { InitialAttemptTimestamp = InitialAttemptTimestamp, Attempts = Attempts };
            }
            return sort;
        }
    }

    public static string KeyOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return (pod.Metadata.Namespace ?? "") + "/" + (pod.Metadata.Name ?? "");
    }

    public override string ToString() => Key;
}

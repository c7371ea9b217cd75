using System.Collections.Concurrent;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// Kubernetes' taint eviction, per pod key: a pod bound to a node with NoExecute taints is deleted at once if it does
/// not tolerate one of them, at the deadline of <see cref="TaintTolerations.EvictionDeadline"/> if it tolerates them
/// for a while (the key is requeued for that instant), and never if it tolerates them forever. Terminating pods are
/// left alone.
/// </summary>
/// <remarks>
/// The countdown starts at each taint's timeAdded, not when this controller first saw the taint (as Kubernetes'
/// in-memory timed queue does): the deadline is then a function of the stored objects, so a controller manager that
/// takes over leadership evicts at the same instant the previous one would have, instead of restarting every
/// countdown. <see cref="_scheduled"/> only remembers which pods have a deletion pending, to announce a
/// cancellation when the taints go away or become tolerated.
/// </remarks>
public sealed class TaintEvictionReconciler(IClusterClient client, ILister<Pod> pods, ILister<Node> nodes, IEventRecorder events, TimeProvider time, ILogger logger) : IReconciler
{
    public const string EvictionReason = "TaintManagerEviction";

    /// <summary>Pods with a deletion pending, and when it was scheduled. Concurrent: workers reconcile different keys at once.</summary>
    private readonly ConcurrentDictionary<ObjectKey, DateTime> _scheduled = new();

    /// <summary>How many pods have a deletion pending.</summary>
    public int Scheduled => _scheduled.Count;

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Pod? pod = pods.Get(key.Namespace, key.Name);
        if (pod is null || pod.Metadata.DeletionTimestamp is not null)
        {
            _scheduled.TryRemove(key, out _);
            return ReconcileResult.Done;
        }
        Node? node = pod.Spec.NodeName is { Length: > 0 } nodeName ? nodes.Get(null, nodeName) : null;
        IReadOnlyList<Taint> taints = node is null ? [] : NodeTaints.NoExecuteOf(node);
        DateTime now = time.GetUtcNow().UtcDateTime;
        DateTime since = _scheduled.GetValueOrDefault(key, now);
        if (taints.Count == 0 || TaintTolerations.EvictionDeadline(pod.Spec.Tolerations, taints, since, out Taint? cause) is not { } deadline)
        {
            Cancel(key, pod);
            return ReconcileResult.Done;
        }
        if (deadline > now)
        {
            if (_scheduled.TryAdd(key, since))
            {
                NodeLifecycleLog.EvictionScheduled(logger, key.ToString(), (deadline - now).TotalSeconds);
            }
            return ReconcileResult.After(deadline - now);
        }
        return await EvictAsync(key, pod, node!, cause!, cancellationToken);
    }

    private void Cancel(ObjectKey key, Pod pod)
    {
        if (_scheduled.TryRemove(key, out _))
        {
            events.Record(pod, EventTypes.Normal, EvictionReason, $"Cancelling deletion of Pod {key}");
        }
    }

    /// <summary>Marks the pod with a DisruptionTarget condition (so its owner can tell why it went), then deletes it.</summary>
    private async ValueTask<ReconcileResult> EvictAsync(ObjectKey key, Pod pod, Node node, Taint cause, CancellationToken cancellationToken)
    {
        IResourceClient<Pod> podClient = client.Resource<Pod>();
        if (pod.Status.Conditions?.Exists(c => c.Type == "DisruptionTarget" && c.Status == "True") != true)
        {
            Pod marked = ObjectCopy.Clone(pod);
            marked.Status.Conditions ??= [];
            marked.Status.Conditions.RemoveAll(c => c.Type == "DisruptionTarget");
            marked.Status.Conditions.Add(new PodCondition
            {
                Type = "DisruptionTarget",
                Status = "True",
                Reason = "DeletionByTaintManager",
                Message = "Taint manager: deleting due to NoExecute taint",
                LastTransitionTime = ApiTime.Now(time),
            });
            ApiResult<Pod> written = await podClient.UpdateStatusAsync(marked, cancellationToken: cancellationToken);
            if (written.IsNotFound)
            {
                _scheduled.TryRemove(key, out _);
                return ReconcileResult.Done;
            }
            if (!written.IsOk)
            {
                return ReconcileResult.Retry($"pod {key}: DisruptionTarget not written: {written}");
            }
        }
        events.Record(pod, EventTypes.Normal, EvictionReason, $"Marking for deletion Pod {key}");
        ApiResult<Pod> deleted = await podClient.DeleteAsync(key.Namespace, key.Name, new DeleteOptions { Preconditions = new Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken);
        if (!deleted.IsOk && !deleted.IsNotFound && !deleted.IsConflict)
        {
            return ReconcileResult.Retry($"pod {key} not deleted: {deleted}");
        }
        _scheduled.TryRemove(key, out _);
        NodeLifecycleLog.PodEvicted(logger, key.ToString(), cause.Key, node.Metadata.Name ?? "");
        return ReconcileResult.Done;
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

public sealed partial class SchedulerLoop
{
    public const string FailedSchedulingReason = "FailedScheduling";
    public const string ScheduledReason = "Scheduled";
    public const string PreemptedReason = "Preempted";

    /// <summary>
    /// No node fits: preemption's nomination and victims (when PostFilter found them), the FailedScheduling event
    /// with the FitError text, PodScheduled=False, and the pod waits for an event its rejecting plugins registered.
    /// </summary>
    private void OnUnschedulable(QueuedPod queued, FitError fitError, PostFilterResult? postFilter)
    {
        Interlocked.Increment(ref _unschedulable);
        queued.UnschedulablePlugins = [.. fitError.Diagnosis.UnschedulablePlugins];
        queued.LastAttemptErrored = false;
        string? nominated = null;
        if (postFilter is { Status.IsSuccess: true, NominatedNodeName: { Length: > 0 } node })
        {
            nominated = node;
            _queue.Nominator.Add(queued.Info, node);
            foreach (PodInfo victim in postFilter.Victims ?? [])
            {
                _events.Record(victim.Pod, EventTypes.Normal, PreemptedReason, $"Preempted by pod {queued.Pod.Metadata.Uid} on node {node}");
                _statusWriter.DeleteVictim(victim.Pod);
            }
        }
        RecordFailure(queued, PodConditionPatch.Unschedulable, fitError.Message, nominated);
        _queue.AddUnschedulable(queued);
    }

    /// <summary>An internal failure (a plugin error): retried after backoff, whatever events come.</summary>
    private void OnError(QueuedPod queued, string message)
    {
        queued.UnschedulablePlugins = [];
        queued.LastAttemptErrored = true;
        RecordFailure(queued, PodConditionPatch.SchedulerError, message, nominatedNode: null);
        _queue.AddUnschedulable(queued);
    }

    private void RecordFailure(QueuedPod queued, string reason, string message, string? nominatedNode)
    {
        Pod pod = queued.Pod;
        SchedulerLog.Unschedulable(_logger, queued.Key, queued.Attempts, message);
        _events.Record(pod, EventTypes.Warning, FailedSchedulingReason, message);
        if (PodConditionPatch.For(pod, reason, message, nominatedNode, _time.GetUtcNow().UtcDateTime) is { } patch)
        {
            _statusWriter.Patch(pod.Metadata.Namespace ?? "", pod.Metadata.Name ?? "", patch);
        }
    }

    /// <summary>
    /// A binding's outcome, on the binder's thread. Bound: the assumed pod's expiry clock starts, PostBind runs, the
    /// Scheduled event. Gone: forget it. Refused or failed: forget it (its room on the node is free again, which may
    /// help others), tell why in a FailedScheduling event, and retry it after backoff.
    /// </summary>
    private void OnBindResult(BindJob job, BindOutcome outcome)
    {
        QueuedPod queued = job.Pod;
        if (outcome.IsBound)
        {
            lock (_cacheGate)
            {
                _cache.FinishBinding(job.Info.Uid, _time.GetUtcNow());
            }
            job.Framework.RunPostBindPlugins(job.State, job.Info, job.NodeName);
            Interlocked.Increment(ref _scheduled);
            _events.Record(queued.Pod, EventTypes.Normal, ScheduledReason, $"Successfully assigned {job.Info.Key} to {job.NodeName}");
            _queue.Done(queued.Key);
            return;
        }
        Unassume(job.Framework, job.State, job.Info, job.NodeName);
        if (outcome.Kind == BindOutcomeKind.Gone)
        {
            _queue.Done(queued.Key);
            return;
        }
        SchedulerLog.BindingRefused(_logger, queued.Key, job.NodeName, outcome.ToString());
        _events.Record(queued.Pod, EventTypes.Warning, FailedSchedulingReason, $"Binding rejected: {outcome.Message}");
        _queue.MoveAllToActiveOrBackoff(ClusterEvent.AssignedPodDelete);
        queued.LastAttemptErrored = true;
        _queue.AddBackoff(queued);
    }
}

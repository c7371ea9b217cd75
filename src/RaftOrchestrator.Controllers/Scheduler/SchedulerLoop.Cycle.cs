using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

public sealed partial class SchedulerLoop
{
    private async Task ScheduleLoopAsync(CancellationToken cancellationToken)
    {
        while (await _queue.PopAsync(cancellationToken).ConfigureAwait(false) is { } pod)
        {
            try
            {
                ScheduleOne(pod);
            }
#pragma warning disable CA1031 // A bug in one attempt must not stop the scheduler: the pod is retried with backoff.
            catch (Exception e)
#pragma warning restore CA1031
            {
                SchedulerLog.AttemptThrew(_logger, e, pod.Key);
                pod.LastAttemptErrored = true;
                _queue.AddUnschedulable(pod);
            }
            if (_queue.ActiveCount == 0)
            {
                // Idle: send what is collected now rather than after the linger.
                _binding.Flush();
            }
        }
    }

    /// <summary>One scheduling cycle (kube-scheduler's scheduleOne up to the asynchronous binding cycle).</summary>
    private void ScheduleOne(QueuedPod queued)
    {
        Pod pod = queued.Pod;
        if (pod.Metadata.DeletionTimestamp is not null || !_profiles.TryGet(pod, out Scheduling.Scheduler? scheduler))
        {
            _queue.Done(queued.Key);
            return;
        }
        PodInfo info = queued.Info;
        lock (_cacheGate)
        {
            if (_cache.NodeOf(info.Uid) is not null)
            {
                // Assumed or already bound: an old copy of the pod (kube-scheduler's skipPodSchedule).
                _queue.Done(queued.Key);
                return;
            }
            _cache.UpdateSnapshot(_snapshot);
        }
        // The nominations view takes the queue's lock, so it is read here, after _cacheGate is released.
        var state = new CycleState();
        ScheduleResult result = scheduler.Schedule(state, info, _snapshot, _queue.Nominator.View());
        if (result.SuggestedHost is not { } host)
        {
            if (result.FitError is { } fitError)
            {
                OnUnschedulable(queued, fitError, result.PostFilter);
            }
            else
            {
                OnError(queued, result.Error?.Message ?? "scheduling failed");
            }
            return;
        }
        Assume(queued, info, host, scheduler.Framework, state);
    }

    /// <summary>Assume, Reserve, Permit, then the hand-off to the binder (kube-scheduler's assume and binding cycle).</summary>
    private void Assume(QueuedPod queued, PodInfo info, string host, SchedulingFramework framework, CycleState state)
    {
        lock (_cacheGate)
        {
            if (!_cache.AssumePod(info, host))
            {
                _queue.Done(queued.Key);
                return;
            }
        }
        Status reserved = framework.RunReservePluginsReserve(state, info, host);
        if (!reserved.IsSuccess)
        {
            Unassume(framework, state, info, host);
            Reject(queued, reserved);
            return;
        }
        PermitResult permit = framework.RunPermitPlugins(state, info, host);
        if (permit.Status.Code == StatusCode.Wait)
        {
            // No plugin here can later allow a waiting pod, so a wait ends as kube-scheduler's does on timeout.
            _ = RejectAfterAsync(queued, framework, state, info, host, permit);
            return;
        }
        if (!permit.Status.IsSuccess)
        {
            Unassume(framework, state, info, host);
            Reject(queued, permit.Status);
            return;
        }
        if (_queue.Nominator.Delete(queued.Key) is { } nominated && nominated != host)
        {
            // The room kept on the nominated node is not needed: pods turned away from it may fit now.
            _queue.MoveAllToActiveOrBackoff(ClusterEvent.NominatedPodDelete);
        }
        var job = new BindJob(queued, info, host, framework, state);
        if (framework.Plugins.Any(static p => p is IPreBindPlugin))
        {
            _ = EnqueueAfterPreBindAsync(job);
            return;
        }
        _binding.Enqueue(job);
    }

    private async Task EnqueueAfterPreBindAsync(BindJob job)
    {
        Status status;
        try
        {
            status = await job.Framework.RunPreBindPluginsAsync(job.State, job.Info, job.NodeName, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A throwing PreBind plugin fails this pod's binding, not the scheduler.
        catch (Exception e)
#pragma warning restore CA1031
        {
            status = Status.Error("", e.Message);
        }
        if (status.IsSuccess)
        {
            _binding.Enqueue(job);
            return;
        }
        OnBindResult(job, new BindOutcome(BindOutcomeKind.Failed, $"running PreBind plugin {status.Plugin}: {status.Message}"));
    }

    private async Task RejectAfterAsync(QueuedPod queued, SchedulingFramework framework, CycleState state, PodInfo info, string host, PermitResult permit)
    {
        try
        {
            await Task.Delay(permit.Timeout, _time).ConfigureAwait(false);
        }
        finally
        {
            Unassume(framework, state, info, host);
            Reject(queued, Status.Unschedulable(permit.Status.Plugin ?? "", $"rejected due to timeout after waiting {permit.Timeout.TotalSeconds:0.###}s at plugin {permit.Status.Plugin}"));
        }
    }

    private void Unassume(SchedulingFramework framework, CycleState state, PodInfo info, string host)
    {
        framework.RunReservePluginsUnreserve(state, info, host);
        lock (_cacheGate)
        {
            _cache.ForgetPod(info.Uid);
        }
    }

    /// <summary>A Reserve or Permit rejection: the pod waits like an unschedulable one, blamed on that plugin.</summary>
    private void Reject(QueuedPod queued, Status status)
    {
        if (!status.IsRejected)
        {
            OnError(queued, status.Message);
            return;
        }
        queued.UnschedulablePlugins = status.Plugin is { Length: > 0 } plugin ? [plugin] : [];
        RecordFailure(queued, PodConditionPatch.Unschedulable, status.Message, nominatedNode: null);
        _queue.AddUnschedulable(queued);
    }
}

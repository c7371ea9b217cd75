using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Agent.Pods;

internal sealed partial class PodWorker
{
    /// <summary>
    /// One sync. Returns true when the worker is done (the pod is gone from the API and its sandbox removed).
    /// Order of precedence: removed from the API (stop, clean up, done); marked for deletion (stop gracefully once,
    /// then report the final status and have the pod object deleted); terminal (report only); else run the pod.
    /// </summary>
    private async Task<bool> SyncAsync(Pod pod, bool removed, CancellationToken cancellationToken)
    {
        _wakeAt = null;
        if (removed)
        {
            if (!_terminated)
            {
                await TerminateAsync(pod, removedFromApi: true, cancellationToken);
            }
            await RemoveSandboxAsync(cancellationToken);
            _context.Status.Forget(Uid);
            return true;
        }
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            if (!_terminated)
            {
                await TerminateAsync(pod, removedFromApi: false, cancellationToken);
                _terminated = true;
            }
            Publish(pod, deleteWhenWritten: true);
            return false;
        }
        if (_terminal)
        {
            Publish(pod);
            return false;
        }

        DateTimeOffset now = _context.Time.GetUtcNow();
        if (_startTime == default)
        {
            _startTime = pod.Status.StartTime ?? AgentTime.Seconds(now);
        }
        if (await DeadlineExceededAsync(pod, now, cancellationToken))
        {
            Publish(pod);
            return false;
        }
        if (_sandboxId is null && !await RunSandboxAsync(pod, cancellationToken))
        {
            Publish(pod);
            ArmWake();
            return false;
        }
        await RefreshAsync(cancellationToken);
        if (await RunInitContainersAsync(pod, now, cancellationToken))
        {
            await RunContainersAsync(pod, now, cancellationToken);
        }
        if (PodPhases.IsTerminal(PodPhases.Of(View(pod))))
        {
            // Every container is done and none restarts (or an init container failed under Never): stop for good.
            _terminal = true;
            await StopAllProbesAsync();
            await StopSandboxAsync(cancellationToken);
        }
        Publish(pod);
        ArmWake();
        return false;
    }

    /// <summary>
    /// spec.activeDeadlineSeconds, counted from startTime (the kubelet's activeDeadlineHandler): once passed, the pod
    /// is stopped for good (an event, then every container stopped with the pod's grace) and fails with reason
    /// DeadlineExceeded. Before that, a wake-up is armed for the deadline.
    /// </summary>
    private async Task<bool> DeadlineExceededAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pod.Spec.ActiveDeadlineSeconds is not { } seconds)
        {
            return false;
        }
        DateTimeOffset deadline = new DateTimeOffset(_startTime, TimeSpan.Zero) + TimeSpan.FromSeconds(seconds);
        if (now < deadline)
        {
            WakeAt(deadline);
            return false;
        }
        _context.Events.Record(pod, EventTypes.Normal, PodEvents.DeadlineExceeded, DeadlineMessage);
        await TerminateAsync(pod, removedFromApi: false, cancellationToken);
        _deadlineExceeded = true;
        return true;
    }

    private const string DeadlineMessage = "Pod was active on the node longer than the specified deadline";

    /// <summary>Creates the sandbox; false (with an event, and a retry armed) when the runtime could not.</summary>
    private async Task<bool> RunSandboxAsync(Pod pod, CancellationToken cancellationToken)
    {
        PodSandboxConfig config = RuntimeConfigs.Sandbox(pod, _context.Options.DataDirectory, attempt: 0);
        RuntimeResult<string> created = await _context.Runtime.RunPodSandboxAsync(config, cancellationToken);
        if (!created.IsOk)
        {
            AgentLog.RuntimeFailed(_context.Logger, Key, "RunPodSandbox", created.Error!.Code.ToString(), created.Error.Message);
            _context.Events.Record(pod, EventTypes.Warning, PodEvents.FailedCreatePodSandBox, $"Failed to create pod sandbox: {created.Error.Message}");
            WakeAt(_context.Time.GetUtcNow() + _context.Options.SyncRetryPeriod);
            return false;
        }
        _sandboxId = created.Value!;
        _sandboxCreated(this, _sandboxId);
        RuntimeResult<PodSandboxStatus> status = await _context.Runtime.PodSandboxStatusAsync(_sandboxId, cancellationToken);
        _podIP = status.IsOk && !string.IsNullOrEmpty(status.Value!.Ip) ? status.Value.Ip : _context.HostIP;
        return true;
    }

    /// <summary>
    /// Init containers in order, each to completion: false while one is still to run, runs, or waits to restart.
    /// A failed one restarts (with back-off) unless the policy is Never; then the pod fails.
    /// </summary>
    private async Task<bool> RunInitContainersAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (ContainerRecord init in _initContainers)
        {
            if (init.Succeeded)
            {
                continue;
            }
            switch (init.Current?.State)
            {
                case ContainerRunState.Running or ContainerRunState.Created:
                    return false;
                case ContainerRunState.Exited or ContainerRunState.Unknown:
                    if (pod.Spec.RestartPolicy != "Never")
                    {
                        await RestartAsync(pod, init, now, cancellationToken);
                    }
                    return false;
                default:
                    await StartAsync(pod, init, now, cancellationToken);
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The containers: start the ones not started, kill the ones a liveness or startup probe failed, restart exited
    /// ones as the policy says (Always: always; OnFailure: after a failure or a probe kill; Never: not).
    /// </summary>
    private async Task RunContainersAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string policy = pod.Spec.RestartPolicy ?? "Always";
        foreach (ContainerRecord container in _containers)
        {
            if (container.IsRunning && container.Probes?.KillReason is { } reason)
            {
                await KillForProbeAsync(pod, container, reason, cancellationToken);
            }
            switch (container.Current?.State)
            {
                case ContainerRunState.Running or ContainerRunState.Created:
                    break;
                case ContainerRunState.Exited or ContainerRunState.Unknown:
                    bool failed = container.Current.ExitCode != 0 || container.KilledByProbe;
                    if (policy == "Always" || (policy == "OnFailure" && failed))
                    {
                        await RestartAsync(pod, container, now, cancellationToken);
                    }
                    break;
                default:
                    await StartAsync(pod, container, now, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Hands the status of the pod as this worker sees it to the status manager.</summary>
    private void Publish(Pod pod, bool deleteWhenWritten = false)
    {
        PodStatus? status = _observedOnly ? null : PodStatusBuilder.Build(Published(View(pod)));
        if (status is not null || deleteWhenWritten)
        {
            _context.Status.SetPodStatus(pod, status, deleteWhenWritten);
        }
    }

    private PodView View(Pod pod) => new(
        pod,
        _sandboxId is not null,
        _podIP,
        _context.HostIP,
        _startTime == default ? AgentTime.Now(_context.Time) : _startTime,
        [.. _initContainers.Select(c => c.View(_terminal))],
        [.. _containers.Select(c => c.View(_terminal))],
        _terminal,
        _context.Runtime.Name,
        _deadlineExceeded ? PodEvents.DeadlineExceeded : null,
        _deadlineExceeded ? DeadlineMessage : null);
}

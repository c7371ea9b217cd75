using RaftOrchestrator.Agent.Env;
using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Agent.Pods;

internal sealed partial class PodWorker
{
    /// <summary>
    /// Restarts an exited container, or holds it in CrashLoopBackOff until its back-off has passed (one BackOff event
    /// each time it starts waiting).
    /// </summary>
    private async Task RestartAsync(Pod pod, ContainerRecord container, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset exitedAt = container.Current?.FinishedAt ?? now;
        if (container.Backoff.WaitUntil(exitedAt, now) is { } until)
        {
            if (container.WaitingReason != ContainerStatuses.CrashLoopBackOff || container.RetryAt != until)
            {
                _context.Events.Record(pod, EventTypes.Warning, PodEvents.BackOff, $"Back-off restarting failed container {container.Name} in pod {PodRef(pod)}");
            }
            string wait = CrashLoopBackoff.Format(container.Backoff.Current);
            container.Hold(ContainerStatuses.CrashLoopBackOff, $"back-off {wait} restarting failed container={container.Name} pod={PodRef(pod)}", until);
            WakeAt(until);
            return;
        }
        container.Backoff.Next(exitedAt);
        container.Release();
        await StartAsync(pod, container, now, cancellationToken);
    }

    /// <summary>
    /// One new attempt: resolve the environment, create, start, run postStart, start the probes. A failure holds the
    /// container in Waiting with the kubelet's reason (CreateContainerConfigError, CreateContainerError,
    /// RunContainerError) and a Failed event, and is retried later; the pod worker carries on with the others.
    /// </summary>
    private async Task StartAsync(Pod pod, ContainerRecord container, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (container.RetryAt is { } retryAt && retryAt > now)
        {
            WakeAt(retryAt);
            return;
        }
        await RetireAsync(container, cancellationToken);
        var addresses = new PodAddresses(_podIP ?? _context.HostIP, _context.HostIP);
        EnvResolution environment = await _context.Environment.ResolveAsync(pod, container.Spec, addresses, _context.Allocatable, cancellationToken);
        if (!environment.IsOk)
        {
            Fail(pod, container, ContainerStatuses.CreateContainerConfigError, environment.Error!, now + _context.Options.SyncRetryPeriod);
            return;
        }
        ContainerConfig config = RuntimeConfigs.Container(pod, container.Spec, environment, attempt: container.Created);
        RuntimeResult<string> created = await _context.Runtime.CreateContainerAsync(_sandboxId!, config, cancellationToken);
        if (!created.IsOk)
        {
            Fail(pod, container, ContainerStatuses.CreateContainerError, created.Error!.Message, now + _context.Options.SyncRetryPeriod);
            return;
        }
        string id = created.Value!;
        container.Created++;
        _context.Events.Record(pod, EventTypes.Normal, PodEvents.Created, $"Created container: {container.Name}");
        RuntimeResult started = await _context.Runtime.StartContainerAsync(id, cancellationToken);
        if (!started.IsOk)
        {
            // It never ran: drop it, and retry after the crash-loop back-off (a start failure is a crash).
            await _context.Runtime.RemoveContainerAsync(id, cancellationToken);
            container.Backoff.Next(now);
            Fail(pod, container, ContainerStatuses.RunContainerError, started.Error!.Message, now + container.Backoff.Current);
            return;
        }
        container.Release();
        container.KilledByProbe = false;
        container.Current = await StatusOfAsync(id, cancellationToken) ?? Started(id, config, now);
        AgentLog.ContainerStarted(_context.Logger, Key, container.Name, id, config.Attempt);
        _context.Events.Record(pod, EventTypes.Normal, PodEvents.Started, $"Started container {container.Name}");
        if (container.Spec.Lifecycle?.PostStart is { } postStart && !await PostStartAsync(pod, container, postStart, cancellationToken))
        {
            return;
        }
        if (!container.IsInit && container.IsRunning)
        {
            container.Probes = new ContainerProbes(container.Spec, Target(container), container.Current.StartedAt ?? now, _context.Actions, _context.Time, Kick,
                (kind, message) => _context.Events.Record(pod, EventTypes.Warning, PodEvents.Unhealthy, $"{kind} probe failed: {message}"));
            container.Probes.Start();
        }
    }

    /// <summary>Before a new attempt: the exited one becomes the previous, and the one before that is removed.</summary>
    private async Task RetireAsync(ContainerRecord container, CancellationToken cancellationToken)
    {
        if (container.Current is not { } current)
        {
            return;
        }
        if (container.Previous is { } older)
        {
            await _context.Runtime.RemoveContainerAsync(older.Id, cancellationToken);
        }
        container.Previous = current;
        container.Current = null;
    }

    private void Fail(Pod pod, ContainerRecord container, string reason, string message, DateTimeOffset retryAt)
    {
        AgentLog.RuntimeFailed(_context.Logger, Key, reason, container.Name, message);
        _context.Events.Record(pod, EventTypes.Warning, PodEvents.Failed, $"Error: {message}");
        container.Hold(reason, message, retryAt);
        WakeAt(retryAt);
    }

    /// <summary>postStart (blocking, as in the kubelet); on failure the container is killed and restarts as its policy says.</summary>
    private async Task<bool> PostStartAsync(Pod pod, ContainerRecord container, LifecycleHandler hook, CancellationToken cancellationToken)
    {
        ProbeResult result = await _context.Hooks.RunAsync(hook, Target(container), Grace(pod), cancellationToken);
        if (result.Success)
        {
            return true;
        }
        _context.Events.Record(pod, EventTypes.Warning, PodEvents.FailedPostStartHook, $"PostStartHook failed: {result.Message}");
        await _context.Runtime.StopContainerAsync(container.Current!.Id, Grace(pod), cancellationToken);
        container.Current = await StatusOfAsync(container.Current.Id, cancellationToken) ?? container.Current;
        return false;
    }

    /// <summary>A failed liveness or startup probe: Killing, then a graceful stop (the probe's grace if it has one).</summary>
    private async Task KillForProbeAsync(Pod pod, ContainerRecord container, string probe, CancellationToken cancellationToken)
    {
        _context.Events.Record(pod, EventTypes.Normal, PodEvents.Killing, $"Container {container.Name} failed {probe} probe, will be restarted");
        Probe? spec = probe == "liveness" ? container.Spec.LivenessProbe : container.Spec.StartupProbe;
        TimeSpan grace = spec?.TerminationGracePeriodSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Grace(pod);
        await StopProbesAsync(container);
        await StopContainerAsync(pod, container, _context.Time.GetUtcNow() + grace, recordKilling: false, cancellationToken);
        container.KilledByProbe = true;
    }

    /// <summary>
    /// A graceful stop: Killing (unless said already), preStop within the grace period, then StopContainer with what
    /// is left of it (at least the minimum grace).
    /// </summary>
    private async Task StopContainerAsync(Pod pod, ContainerRecord container, DateTimeOffset deadline, bool recordKilling, CancellationToken cancellationToken)
    {
        if (container.Current is not { State: ContainerRunState.Running or ContainerRunState.Created } current)
        {
            return;
        }
        if (recordKilling)
        {
            _context.Events.Record(pod, EventTypes.Normal, PodEvents.Killing, $"Stopping container {container.Name}");
        }
        TimeProvider time = _context.Time;
        if (container.Spec.Lifecycle?.PreStop is { } preStop && deadline > time.GetUtcNow() && current.State == ContainerRunState.Running)
        {
            ProbeResult result = await _context.Hooks.RunAsync(preStop, Target(container), deadline - time.GetUtcNow(), cancellationToken);
            if (!result.Success)
            {
                _context.Events.Record(pod, EventTypes.Warning, PodEvents.FailedPreStopHook, $"PreStopHook failed: {result.Message}");
            }
        }
        TimeSpan left = deadline - time.GetUtcNow();
        await _context.Runtime.StopContainerAsync(current.Id, left > _context.Options.MinimumGracePeriod ? left : _context.Options.MinimumGracePeriod, cancellationToken);
        container.Current = await StatusOfAsync(current.Id, cancellationToken) ?? current;
    }

    /// <summary>Reads every container's current attempt from the runtime; a vanished one counts as exited (137, unknown).</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (ContainerRecord container in AllContainers)
        {
            if (container.Current is not { } current || current.State == ContainerRunState.Exited)
            {
                continue;
            }
            RuntimeResult<ContainerStatusInfo> status = await _context.Runtime.ContainerStatusAsync(current.Id, cancellationToken);
            container.Current = status.IsOk ? status.Value! : current with
            {
                State = ContainerRunState.Exited,
                ExitCode = 137,
                Reason = "ContainerStatusUnknown",
                Message = "The container could not be located when the pod was synced",
                FinishedAt = _context.Time.GetUtcNow(),
            };
            if (!container.IsRunning && container.Probes is not null)
            {
                await StopProbesAsync(container);
            }
        }
    }

    private async Task<ContainerStatusInfo?> StatusOfAsync(string id, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerStatusInfo> status = await _context.Runtime.ContainerStatusAsync(id, cancellationToken);
        return status.IsOk ? status.Value : null;
    }

    private static ContainerStatusInfo Started(string id, ContainerConfig config, DateTimeOffset now) =>
        new(id, "", config.Name, config.Attempt, ContainerRunState.Running, now, now, null, null, null, null, config.Image, config.LogPath);

    private static async Task StopProbesAsync(ContainerRecord container)
    {
        if (container.Probes is { } probes)
        {
            container.Probes = null;
            await probes.DisposeAsync();
        }
    }

    private async Task StopAllProbesAsync()
    {
        foreach (ContainerRecord container in AllContainers)
        {
            await StopProbesAsync(container);
        }
    }

    private ProbeTarget Target(ContainerRecord container) => new(container.Current?.Id ?? "", container.Spec, _podIP ?? _context.HostIP);

    /// <summary>The pod's grace period: terminationGracePeriodSeconds, 30 s by default.</summary>
    private static TimeSpan Grace(Pod pod) => TimeSpan.FromSeconds(Math.Max(0, pod.Spec.TerminationGracePeriodSeconds ?? 30));

    /// <summary>name_namespace(uid), as the kubelet names a pod in messages.</summary>
    private static string PodRef(Pod pod) => $"{pod.Metadata.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})";
}

using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Pods;

internal sealed partial class PodWorker
{
    /// <summary>
    /// Stops the pod for good (the kubelet's killPod): every running container at once, each with Killing, its
    /// preStop hook and StopContainer with the grace left; then the sandbox. The grace is the deletion's
    /// (metadata.deletionGracePeriodSeconds), else terminationGracePeriodSeconds, else 30 s; a pod removed from the
    /// API without one (a force delete) gets the minimum. A static pod removed from its manifest source was never
    /// deleted through the API: it gets its terminationGracePeriodSeconds, as the kubelet gives it.
    /// </summary>
    private async Task TerminateAsync(Pod pod, bool removedFromApi, CancellationToken cancellationToken)
    {
        long seconds = removedFromApi && !StaticPodAnnotations.IsStatic(pod)
            ? pod.Metadata.DeletionGracePeriodSeconds ?? 0
            : pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
        DateTimeOffset deadline = _context.Time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, seconds));
        _terminal = true;
        await StopAllProbesAsync();
        if (_sandboxId is null)
        {
            return;
        }
        await RefreshAsync(cancellationToken);
        ContainerRecord[] running = [.. AllContainers.Where(c => c.Current?.State is ContainerRunState.Running or ContainerRunState.Created)];
        await Task.WhenAll(running.Select(c => StopContainerAsync(pod, c, deadline, recordKilling: true, cancellationToken)));
        foreach (ContainerRecord container in AllContainers)
        {
            // Held ones stay as they were shown, but nothing is waiting to start any more.
            if (container.WaitingReason is not null && container.Current is not null)
            {
                container.Release();
            }
        }
        await StopSandboxAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    private async Task StopSandboxAsync(CancellationToken cancellationToken)
    {
        if (_sandboxId is { } id)
        {
            RuntimeResult stopped = await _context.Runtime.StopPodSandboxAsync(id, cancellationToken);
            if (!stopped.IsOk && stopped.Error!.Code != RuntimeErrorCode.NotFound)
            {
                AgentLog.RuntimeFailed(_context.Logger, Key, "StopPodSandbox", stopped.Error.Code.ToString(), stopped.Error.Message);
            }
        }
    }

    /// <summary>The pod object is gone: its sandbox (and with it its containers) go too.</summary>
    private async Task RemoveSandboxAsync(CancellationToken cancellationToken)
    {
        if (_sandboxId is { } id)
        {
            await StopSandboxAsync(cancellationToken);
            RuntimeResult removed = await _context.Runtime.RemovePodSandboxAsync(id, cancellationToken);
            if (!removed.IsOk && removed.Error!.Code != RuntimeErrorCode.NotFound)
            {
                AgentLog.RuntimeFailed(_context.Logger, Key, "RemovePodSandbox", removed.Error.Code.ToString(), removed.Error.Message);
            }
            _sandboxId = null;
        }
    }
}

using System.Globalization;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// What kubectl's pod printer derives from a pod's status: ready and total containers (sidecars count), the
/// STATUS word and the restarts. The word starts as the phase (or status.reason); an unfinished init container
/// turns it into "Init:reason" or "Init:i/n"; once initialized, the last container that is waiting or terminated
/// gives its reason ("CrashLoopBackOff", "Completed", "ExitCode:1"); a deletion timestamp on a pod not yet
/// finished makes it "Terminating".
/// </summary>
internal readonly record struct PodRowState(int Ready, int Total, string Reason, int Restarts, DateTime? LastRestart)
{
    public static PodRowState Of(Pod pod)
    {
        PodStatus status = pod.Status;
        var sidecars = (pod.Spec.InitContainers ?? []).Where(c => c.RestartPolicy == "Always").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        int total = pod.Spec.Containers.Count + sidecars.Count;
        int ready = 0;
        string reason = string.IsNullOrEmpty(status.Reason) ? status.Phase ?? "" : status.Reason;
        if (status.Conditions?.Any(c => c.Type == "PodScheduled" && c.Reason == "SchedulingGated") == true)
        {
            reason = "SchedulingGated";
        }

        int restarts = 0, sidecarRestarts = 0;
        DateTime? lastRestart = null, lastSidecarRestart = null;
        bool initializing = false;
        List<ContainerStatus> initStatuses = status.InitContainerStatuses ?? [];
        for (int i = 0; i < initStatuses.Count; i++)
        {
            ContainerStatus c = initStatuses[i];
            bool sidecar = sidecars.Contains(c.Name);
            restarts += c.RestartCount;
            lastRestart = Latest(lastRestart, c.LastState?.Terminated?.FinishedAt);
            if (sidecar)
            {
                sidecarRestarts += c.RestartCount;
                lastSidecarRestart = Latest(lastSidecarRestart, c.LastState?.Terminated?.FinishedAt);
            }
            ContainerStateTerminated? terminated = c.State?.Terminated;
            ContainerStateWaiting? waiting = c.State?.Waiting;
            if (terminated is { ExitCode: 0 })
            {
                continue;
            }
            if (sidecar && c.Started == true)
            {
                ready += c.Ready ? 1 : 0;
                continue;
            }
            initializing = true;
            if (terminated is not null)
            {
                reason = "Init:" + TerminatedReason(terminated);
            }
            else if (!string.IsNullOrEmpty(waiting?.Reason) && waiting.Reason != "PodInitializing")
            {
                reason = "Init:" + waiting.Reason;
            }
            else
            {
                reason = $"Init:{i.ToString(CultureInfo.InvariantCulture)}/{(pod.Spec.InitContainers?.Count ?? 0).ToString(CultureInfo.InvariantCulture)}";
            }
            break;
        }

        if (!initializing || HasTrueCondition(status, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            bool running = false;
            List<ContainerStatus> statuses = status.ContainerStatuses ?? [];
            for (int i = statuses.Count - 1; i >= 0; i--)
            {
                ContainerStatus c = statuses[i];
                restarts += c.RestartCount;
                lastRestart = Latest(lastRestart, c.LastState?.Terminated?.FinishedAt);
                if (!string.IsNullOrEmpty(c.State?.Waiting?.Reason))
                {
                    reason = c.State.Waiting.Reason;
                }
                else if (c.State?.Terminated is { } terminated)
                {
                    reason = TerminatedReason(terminated);
                }
                else if (c.Ready && c.State?.Running is not null)
                {
                    running = true;
                    ready++;
                }
            }
            if (reason == "Completed" && running)
            {
                reason = HasTrueCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            if (status.Reason == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (status.Phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }
        return new PodRowState(ready, total, reason, restarts, lastRestart);
    }

    private static string TerminatedReason(ContainerStateTerminated t) =>
        !string.IsNullOrEmpty(t.Reason) ? t.Reason
        : t.Signal is { } signal and not 0 ? $"Signal:{signal.ToString(CultureInfo.InvariantCulture)}"
        : $"ExitCode:{t.ExitCode.ToString(CultureInfo.InvariantCulture)}";

    private static bool HasTrueCondition(PodStatus status, string type) =>
        status.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static DateTime? Latest(DateTime? a, DateTime? b) => b is null || (a is not null && a >= b) ? a : b;
}

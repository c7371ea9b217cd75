using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// core/v1 ContainerStatus from a <see cref="ContainerView"/>, with the kubelet's states and reasons:
/// <list type="bullet">
/// <item>held by the agent (a reason set): Waiting with it, lastState the last exited attempt;</item>
/// <item>running: Running; exited: Terminated (reason Completed for 0, Error otherwise, unless the runtime gave one);</item>
/// <item>created, not started: Waiting ContainerCreating; never created: Waiting PodInitializing while init containers
/// run (and for init containers not reached yet), else ContainerCreating.</item>
/// </list>
/// containerID is "&lt;runtime&gt;://&lt;id&gt;"; imageID is the image as the runtime ran it (there are no image digests).
/// </summary>
public static class ContainerStatuses
{
    public const string ContainerCreating = "ContainerCreating";
    public const string PodInitializing = "PodInitializing";
    public const string CrashLoopBackOff = "CrashLoopBackOff";
    public const string CreateContainerConfigError = "CreateContainerConfigError";
    public const string CreateContainerError = "CreateContainerError";
    public const string RunContainerError = "RunContainerError";

    public static ContainerStatus Of(ContainerView view, string runtimeName, bool initializing)
    {
        ArgumentNullException.ThrowIfNull(view);
        ContainerStatusInfo? current = view.Current;
        ContainerStatusInfo? lastExited = view.LastExited;
        var status = new ContainerStatus
        {
            Name = view.Spec.Name,
            Image = view.Spec.Image ?? "",
            ImageID = current?.Image ?? view.Previous?.Image ?? "",
            ContainerID = (current ?? view.Previous) is { } known ? Id(runtimeName, known.Id) : null,
            RestartCount = view.RestartCount,
            Ready = view.Ready,
            Started = view.Started,
            LastState = new ContainerState(),
        };
        if (view.WaitingReason is { } reason)
        {
            status.State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason, Message = view.WaitingMessage } };
            if (lastExited is not null)
            {
                status.LastState = Terminated(lastExited, runtimeName);
            }
            return status;
        }
        if (view.Previous is { } previous)
        {
            status.LastState = Terminated(previous, runtimeName);
        }
        status.State = current?.State switch
        {
            ContainerRunState.Running => new ContainerState { Running = new ContainerStateRunning { StartedAt = Seconds(current.StartedAt ?? current.CreatedAt) } },
            ContainerRunState.Exited => Terminated(current, runtimeName),
            ContainerRunState.Created => Waiting(ContainerCreating),
            ContainerRunState.Unknown => Waiting("ContainerStatusUnknown"),
            _ => Waiting(initializing ? PodInitializing : ContainerCreating),
        };
        return status;
    }

    public static string Id(string runtimeName, string id) => $"{runtimeName}://{id}";

    private static ContainerState Waiting(string reason) => new() { Waiting = new ContainerStateWaiting { Reason = reason } };

    private static ContainerState Terminated(ContainerStatusInfo exited, string runtimeName) => new()
    {
        Terminated = new ContainerStateTerminated
        {
            ExitCode = exited.ExitCode ?? 0,
            Reason = exited.Reason ?? (exited.ExitCode == 0 ? "Completed" : "Error"),
            Message = exited.Message,
            StartedAt = exited.StartedAt is { } started ? Seconds(started) : null,
            FinishedAt = exited.FinishedAt is { } finished ? Seconds(finished) : null,
            ContainerID = Id(runtimeName, exited.Id),
        },
    };

    private static DateTime Seconds(DateTimeOffset value) => AgentTime.Seconds(value);
}

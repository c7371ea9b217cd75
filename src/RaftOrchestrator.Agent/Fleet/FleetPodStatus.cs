using System.Globalization;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// The status a kubelet would report for a simulated pod in its state: phase, the kubelet's conditions
/// (PodReadyToStartContainers, Initialized, Ready, ContainersReady; PodScheduled kept as seen), host and pod IPs,
/// startTime, and a status per container (init containers completed). Every timestamp comes from the pod's
/// state, so building it twice for the same state gives the same bytes.
/// </summary>
internal static class FleetPodStatus
{
    public static bool IsKubeletCondition(string type) => type is "PodReadyToStartContainers" or "Initialized" or "Ready" or "ContainersReady";

    /// <summary>Under the fleet's lock (it reads the pod's mutable state).</summary>
    public static PodStatus Build(FleetPod pod)
    {
        bool running = pod.State == FleetPodState.Running;
        bool failed = pod.State == FleetPodState.Failed;
        string hostIp = pod.Node.InternalIp;
        string? podIp = pod.IpSlot > 0 ? pod.Node.PodIp(pod.IpSlot) : null;
        string? notReadyReason = running ? null : failed ? "PodFailed" : "ContainersNotReady";
        string? notReadyMessage = running || failed ? null : $"containers with unready status: [{string.Join(' ', pod.Containers)}]";
        var conditions = new List<PodCondition>
        {
            Condition("PodReadyToStartContainers", failed ? "False" : "True", pod.StartTime, null, null),
            Condition("Initialized", "True", pod.StartTime, null, null),
            Condition("Ready", running ? "True" : "False", pod.ReadyTransition, notReadyReason, notReadyMessage),
            Condition("ContainersReady", running ? "True" : "False", pod.ReadyTransition, notReadyReason, notReadyMessage),
        };
        if (pod.ForeignConditions?.Any(c => c.Type == "PodScheduled") != true)
        {
            conditions.Add(Condition("PodScheduled", "True", pod.StartTime, null, null));
        }
        if (pod.ForeignConditions is { } foreign)
        {
            conditions.AddRange(foreign);
        }
        return new PodStatus
        {
            Phase = failed ? "Failed" : "Running",
            Conditions = conditions,
            HostIP = hostIp,
            HostIPs = [new HostIP { IP = hostIp }],
            PodIP = podIp,
            PodIPs = podIp is null ? null : [new PodIP { IP = podIp }],
            StartTime = pod.StartTime,
            QosClass = pod.QosClass,
            NominatedNodeName = pod.NominatedNodeName,
            InitContainerStatuses = pod.InitContainers.Length == 0 ? null : [.. pod.InitContainers.Select((name, i) => InitContainer(pod, i))],
            ContainerStatuses = [.. pod.Containers.Select((name, i) => AppContainer(pod, i))],
        };
    }

    private static PodCondition Condition(string type, string status, DateTime at, string? reason, string? message) => new()
    {
        Type = type,
        Status = status,
        LastTransitionTime = at,
        Reason = reason,
        Message = message,
    };

    private static ContainerStatus InitContainer(FleetPod pod, int index) => new()
    {
        Name = pod.InitContainers[index],
        Image = pod.InitImages[index],
        ImageID = ImageId(pod.InitImages[index]),
        ContainerID = ContainerId(pod, "init", index, 0),
        Ready = true,
        Started = false,
        State = new ContainerState
        {
            Terminated = new ContainerStateTerminated
            {
                ExitCode = 0,
                Reason = "Completed",
                StartedAt = pod.StartTime,
                FinishedAt = pod.StartTime,
                ContainerID = ContainerId(pod, "init", index, 0),
            },
        },
    };

    private static ContainerStatus AppContainer(FleetPod pod, int index)
    {
        string name = pod.Containers[index];
        ContainerStateTerminated? lastFailure = pod.LastFinishedAt is null ? null : new ContainerStateTerminated
        {
            ExitCode = 1,
            Reason = "Error",
            StartedAt = pod.LastStartedAt,
            FinishedAt = pod.LastFinishedAt,
            ContainerID = ContainerId(pod, "app", index, pod.State == FleetPodState.Running ? pod.RestartCount - 1 : pod.RestartCount),
        };
        var status = new ContainerStatus
        {
            Name = name,
            Image = pod.Images[index],
            ImageID = ImageId(pod.Images[index]),
            RestartCount = pod.RestartCount,
            Ready = pod.State == FleetPodState.Running,
            Started = pod.State == FleetPodState.Running,
        };
        switch (pod.State)
        {
            case FleetPodState.Running:
                status.ContainerID = ContainerId(pod, "app", index, pod.RestartCount);
                status.State = new ContainerState { Running = new ContainerStateRunning { StartedAt = pod.ContainersStartedAt } };
                status.LastState = pod.RestartCount > 0 && lastFailure is not null ? new ContainerState { Terminated = lastFailure } : new ContainerState();
                break;
            case FleetPodState.Failed:
                status.ContainerID = lastFailure?.ContainerID;
                status.State = new ContainerState { Terminated = lastFailure };
                status.LastState = new ContainerState();
                break;
            default: // BackOff
                status.ContainerID = lastFailure?.ContainerID;
                status.State = new ContainerState
                {
                    Waiting = new ContainerStateWaiting
                    {
                        Reason = "CrashLoopBackOff",
                        Message = $"back-off {GoDuration(pod.BackOff)} restarting failed container={name} pod={pod.Name}_{pod.Namespace}({pod.Uid})",
                    },
                };
                status.LastState = new ContainerState { Terminated = lastFailure };
                break;
        }
        return status;
    }

    private static string ImageId(string image) => "sim://" + image;

    private static string ContainerId(FleetPod pod, string kind, int index, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"sim://{pod.Uid}/{kind}{index}/{attempt}");

    /// <summary>A duration as Go prints one in the kubelet's messages: 10s, 1m20s, 5m0s.</summary>
    private static string GoDuration(TimeSpan value) =>
        value < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}m{value.Seconds}s");
}

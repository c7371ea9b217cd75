using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class PodTableTests
{
    private static readonly PodResourceStrategy s_strategy = new();
    private static readonly DateTime s_now = PodFixtures.Created.AddMinutes(30);

    private static List<object?> Row(Pod pod)
    {
        var cells = new List<object?>();
        s_strategy.TableRow(pod, s_now, cells);
        Assert.Equal(s_strategy.Columns.Count, cells.Count);
        return cells;
    }

    private static ContainerStatus Running(string name, bool ready = true) =>
        new() { Name = name, Ready = ready, State = new ContainerState { Running = new ContainerStateRunning { StartedAt = PodFixtures.Created } } };

    [Fact]
    public void Columns_Pod_KubectlNamesWithWideOnes()
    {
        Assert.Equal(["Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"], s_strategy.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], s_strategy.Columns.Select(c => c.Priority));
    }

    [Fact]
    public void TableRow_PendingPod_PhaseAndNones()
    {
        Pod pod = PodFixtures.Minimal();
        Set(pod, "Pending");

        Assert.Equal<object?>(["0/1", "Pending", "0", "30m", "<none>", "<none>", "<none>", "<none>"], Row(pod));
    }

    [Fact]
    public void TableRow_RunningPod_ReadyCountIpNodeAndGates()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Containers.Add(new Container { Name = "side", Image = "x" });
        pod.Spec.NodeName = "node-1";
        pod.Spec.ReadinessGates = [new PodReadinessGate { ConditionType = "example.com/lb" }, new PodReadinessGate { ConditionType = "example.com/dns" }];
        Set(pod, "Running");
        pod.Status.PodIPs = [new PodIP { IP = "10.0.0.5" }];
        pod.Status.ContainerStatuses = [Running("web"), Running("side", ready: false)];
        pod.Status.Conditions = [new PodCondition { Type = "example.com/lb", Status = "True" }, new PodCondition { Type = "example.com/dns", Status = "False" }];

        Assert.Equal<object?>(["1/2", "Running", "0", "30m", "10.0.0.5", "node-1", "<none>", "1/2"], Row(pod));
    }

    [Fact]
    public void TableRow_CrashLooping_WaitingReasonAndRestartsWithAge()
    {
        Pod pod = PodFixtures.Minimal();
        Set(pod, "Running");
        pod.Status.ContainerStatuses =
        [
            new ContainerStatus
            {
                Name = "web", RestartCount = 4,
                State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
                LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, Reason = "Error", FinishedAt = s_now.AddMinutes(-2) } },
            },
        ];

        List<object?> row = Row(pod);

        Assert.Equal(["0/1", "CrashLoopBackOff", "4 (2m ago)"], row.Take(3));
    }

    [Theory]
    [InlineData("waitingInitializing", "Init:0/2")]
    [InlineData("waitingReason", "Init:ImagePullBackOff")]
    [InlineData("terminatedReason", "Init:Error")]
    [InlineData("terminatedExitCode", "Init:ExitCode:3")]
    [InlineData("terminatedSignal", "Init:Signal:9")]
    [InlineData("firstDone", "Init:1/2")]
    public void TableRow_Initializing_InitStatus(string scenario, string expected)
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.InitContainers = [new Container { Name = "a", Image = "x" }, new Container { Name = "b", Image = "x" }];
        Set(pod, "Pending");
        ContainerState first = scenario switch
        {
            "waitingInitializing" => new() { Waiting = new() { Reason = "PodInitializing" } },
            "waitingReason" => new() { Waiting = new() { Reason = "ImagePullBackOff" } },
            "terminatedReason" => new() { Terminated = new() { ExitCode = 1, Reason = "Error" } },
            "terminatedExitCode" => new() { Terminated = new() { ExitCode = 3 } },
            "terminatedSignal" => new() { Terminated = new() { ExitCode = 137, Signal = 9 } },
            _ => new() { Terminated = new() { ExitCode = 0, Reason = "Completed" } },
        };
        pod.Status.InitContainerStatuses =
        [
            new ContainerStatus { Name = "a", State = first },
            new ContainerStatus { Name = "b", State = new() { Waiting = new() { Reason = "PodInitializing" } } },
        ];
        pod.Status.ContainerStatuses = [new ContainerStatus { Name = "web", State = new() { Waiting = new() { Reason = "PodInitializing" } } }];

        Assert.Equal(expected, Row(pod)[1]);
    }

    [Fact]
    public void TableRow_StartedSidecar_CountsInReadyAndTotal()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.InitContainers = [new Container { Name = "proxy", Image = "envoy", RestartPolicy = "Always" }];
        Set(pod, "Running");
        pod.Status.InitContainerStatuses = [new ContainerStatus { Name = "proxy", Started = true, Ready = true, RestartCount = 2, State = Running("proxy").State }];
        pod.Status.ContainerStatuses = [Running("web")];

        Assert.Equal(["2/2", "Running", "2"], Row(pod).Take(3));
    }

    [Theory]
    [InlineData("Completed", null, "Completed")]
    [InlineData(null, 2, "ExitCode:2")]
    [InlineData("OOMKilled", 137, "OOMKilled")]
    public void TableRow_TerminatedContainer_TerminationReason(string? reason, int? exitCode, string expected)
    {
        Pod pod = PodFixtures.Minimal();
        Set(pod, "Succeeded");
        pod.Status.ContainerStatuses = [new ContainerStatus { Name = "web", State = new() { Terminated = new() { Reason = reason, ExitCode = exitCode ?? 0 } } }];

        Assert.Equal(expected, Row(pod)[1]);
    }

    [Theory]
    [InlineData("Running", null, "Terminating")]
    [InlineData("Succeeded", null, "Succeeded")]
    [InlineData("Running", "NodeLost", "Unknown")]
    public void TableRow_DeletionTimestamp_TerminatingUnlessFinished(string phase, string? reason, string expected)
    {
        Pod pod = PodFixtures.Minimal();
        pod.Metadata.DeletionTimestamp = s_now;
        Set(pod, phase);
        pod.Status.Reason = reason;

        Assert.Equal(expected, Row(pod)[1]);
    }

    [Fact]
    public void TableRow_ReasonSet_ReasonInsteadOfPhase()
    {
        Pod pod = PodFixtures.Minimal();
        Set(pod, "Failed");
        pod.Status.Reason = "Evicted";

        Assert.Equal("Evicted", Row(pod)[1]);
    }

    private static void Set(Pod pod, string phase) => pod.Status = new PodStatus { Phase = phase };
}

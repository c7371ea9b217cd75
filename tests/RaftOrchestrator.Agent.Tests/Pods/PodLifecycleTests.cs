using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Pods;

public sealed class PodLifecycleTests
{
    [Fact]
    public async Task Sync_NewPod_RunningReadyWithContainerStatus()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();

        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        Pod pod = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running" && AgentHarness.Condition(p, "Ready") == "True", "ran and became ready");

        ContainerStatus main = AgentHarness.Container(pod, "main");
        Assert.True(main.Ready);
        Assert.True(main.Started);
        Assert.Equal(0, main.RestartCount);
        Assert.NotNull(main.State!.Running);
        Assert.StartsWith("process://", main.ContainerID, StringComparison.Ordinal);
        Assert.Equal("busybox", main.Image);
        Assert.Equal("192.0.2.10", pod.Status.HostIP);
        Assert.Equal("10.0.0.7", pod.Status.PodIP);
        Assert.NotNull(pod.Status.StartTime);
        Assert.Equal(
            ["PodScheduled=True", "PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True"],
            pod.Status.Conditions!.Select(c => $"{c.Type}={c.Status}"));
        Assert.Equal(["RunPodSandbox default/web", "CreateContainer main", "StartContainer main"], h.Runtime.Calls);
        Assert.Equal(["Created", "Started"], h.Events.Events.Where(e => e.Involved.Name == "web").Select(e => e.Reason));
        Assert.Equal("Created container: main", h.Events.WithReason("Created")[0].Message);
        Assert.Equal("Started container main", h.Events.WithReason("Started")[0].Message);
    }

    [Fact]
    public async Task Sync_InitContainers_RunInOrderToCompletionThenContainers()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("init-1", TimeSpan.FromSeconds(5), 0);
        h.Runtime.ExitWith("init-2", TimeSpan.FromSeconds(5), 0);
        Pod pod = AgentHarness.NewPod("web");
        pod.Spec.InitContainers = [AgentHarness.MainContainer("init-1"), AgentHarness.MainContainer("init-2")];

        await h.CreatePodAsync(pod);
        Pod first = await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "init-1").State?.Running is not null, "ran init-1");
        Assert.Equal("Pending", first.Status.Phase);
        Assert.Equal("PodInitializing", AgentHarness.Container(first, "init-2").State!.Waiting!.Reason);
        Assert.Equal("PodInitializing", AgentHarness.Container(first, "main").State!.Waiting!.Reason);
        Assert.Equal("False", AgentHarness.Condition(first, "Initialized"));
        Assert.Equal("containers with incomplete status: [init-1 init-2]", first.Status.Conditions!.Find(c => c.Type == "Initialized")!.Message);

        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "init-2").State?.Running is not null, "ran init-2 after init-1");
        Assert.Equal(0, h.Runtime.Starts("main"));

        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        Pod running = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "ran main after both");
        Assert.Equal("Completed", AgentHarness.Container(running, "init-1").State!.Terminated!.Reason);
        Assert.True(AgentHarness.Container(running, "init-2").Ready);
        Assert.Equal("True", AgentHarness.Condition(running, "Initialized"));
        Assert.Equal(
            ["CreateContainer init-1", "StartContainer init-1", "CreateContainer init-2", "StartContainer init-2", "CreateContainer main", "StartContainer main"],
            h.Runtime.Calls.Where(c => c.Contains("Container", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sync_InitContainerFailsNever_PodFailedMainNeverStarts()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("init", 1);
        Pod pod = AgentHarness.NewPod("job", "Never");
        pod.Spec.InitContainers = [AgentHarness.MainContainer("init")];

        await h.CreatePodAsync(pod);
        Pod failed = await h.WaitForPodAsync("job", p => p.Status.Phase == "Failed", "failed");

        Assert.Equal(1, AgentHarness.Container(failed, "init").State!.Terminated!.ExitCode);
        Assert.Equal("Error", AgentHarness.Container(failed, "init").State!.Terminated!.Reason);
        Assert.Equal(0, h.Runtime.Starts("main"));
        Assert.Equal(1, h.Runtime.Starts("init"));
        Assert.Contains("StopPodSandbox", h.Runtime.Calls);
    }

    [Fact]
    public async Task Sync_InitContainerFailsOnFailure_RestartedThenMainRuns()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("init", 1, 0);
        Pod pod = AgentHarness.NewPod("web", "OnFailure");
        pod.Spec.InitContainers = [AgentHarness.MainContainer("init")];

        await h.CreatePodAsync(pod);
        Pod running = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "ran main after the init container's restart");

        ContainerStatus init = AgentHarness.Container(running, "init");
        Assert.Equal(1, init.RestartCount);
        Assert.Equal(0, init.State!.Terminated!.ExitCode);
        Assert.Equal(1, init.LastState!.Terminated!.ExitCode);
    }

    [Theory]
    [InlineData("Always", 0, true, "Running")]
    [InlineData("Always", 1, true, "Running")]
    [InlineData("OnFailure", 0, false, "Succeeded")]
    [InlineData("OnFailure", 2, true, "Running")]
    [InlineData("Never", 0, false, "Succeeded")]
    [InlineData("Never", 3, false, "Failed")]
    public async Task Sync_ContainerExits_RestartPolicyDecides(string policy, int exitCode, bool restarts, string phase)
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("main", TimeSpan.FromSeconds(1), exitCode);

        await h.CreatePodAsync(AgentHarness.NewPod("p", policy));
        await h.WaitForPodAsync("p", p => p.Status.Phase == "Running", "started");
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        if (restarts)
        {
            Pod restarted = await h.WaitForPodAsync("p", p => AgentHarness.Container(p, "main").RestartCount == 1 && AgentHarness.Container(p, "main").State?.Running is not null, "restarted");
            Assert.Equal(exitCode, AgentHarness.Container(restarted, "main").LastState!.Terminated!.ExitCode);
            Assert.Equal(phase, restarted.Status.Phase);
        }
        else
        {
            Pod done = await h.WaitForPodAsync("p", p => p.Status.Phase == phase, $"ended {phase}");
            ContainerStatus main = AgentHarness.Container(done, "main");
            Assert.Equal(exitCode, main.State!.Terminated!.ExitCode);
            Assert.Equal(exitCode == 0 ? "Completed" : "Error", main.State.Terminated.Reason);
            Assert.False(main.Ready);
            Assert.Equal("False", AgentHarness.Condition(done, "Ready"));
            await AgentHarness.SettleAsync();
            Assert.Equal(1, h.Runtime.Starts("main"));
        }
    }
}

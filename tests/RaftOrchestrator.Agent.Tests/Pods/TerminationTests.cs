using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Pods;

public sealed class TerminationTests
{
    [Fact]
    public async Task Delete_Graceful_PreStopThenStopWithRemainingGraceThenPodDeleted()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Container main = AgentHarness.MainContainer();
        main.Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Exec = new ExecAction { Command = ["drain"] } } };
        Container side = AgentHarness.MainContainer("side");
        Pod pod = AgentHarness.NewPod("web", null, main, side);
        pod.Spec.TerminationGracePeriodSeconds = 20;
        await h.CreatePodAsync(pod);
        Pod running = await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "ready");
        h.Client.ClearActions();

        await h.Client.Resource<Pod>().DeleteAsync("default", "web", cancellationToken: TestContext.Current.CancellationToken);
        await AgentHarness.EventuallyAsync(() => h.Pod("web") is null, "the pod object deleted by the agent");

        IReadOnlyList<string> calls = h.Runtime.Calls;
        int preStop = calls.ToList().IndexOf("ExecSync main drain");
        int stopMain = calls.ToList().IndexOf("StopContainer main");
        Assert.True(preStop >= 0 && stopMain > preStop, string.Join(", ", calls));
        Assert.Contains("StopContainer side", calls);
        Assert.True(calls.ToList().IndexOf("StopPodSandbox") > stopMain);
        Assert.All(h.Runtime.Stops, s => Assert.Equal(TimeSpan.FromSeconds(20), s.Grace));
        Assert.Equal(["Stopping container main", "Stopping container side"], h.Events.WithReason("Killing").Select(e => e.Message).Order(StringComparer.Ordinal));

        // The final status (containers terminated) is written before the object is deleted, with grace 0 and the uid.
        List<RecordedAction> writes = [.. h.Client.Actions.Where(a => a.Resource == "pods" && a.Succeeded)];
        Assert.Equal(InMemoryVerb.Delete, writes[0].Verb); // the user's
        Assert.Equal(InMemoryVerb.UpdateStatus, writes[^2].Verb);
        Assert.Equal(InMemoryVerb.Delete, writes[^1].Verb);
        await AgentHarness.EventuallyAsync(() => h.Runtime.Calls.Contains("RemovePodSandbox"), "the sandbox removed once the object is gone");
        await AgentHarness.EventuallyAsync(() => h.Agent.Pods == 0, "the worker gone");
        Assert.NotEqual("", running.Metadata.Uid);
    }

    [Fact]
    public async Task Delete_PreStopTakesTime_StopGetsWhatIsLeft()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Container main = AgentHarness.MainContainer();
        main.Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } };
        Pod pod = AgentHarness.NewPod("web", null, main);
        pod.Spec.TerminationGracePeriodSeconds = 12;
        await h.CreatePodAsync(pod);
        await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "ready");

        await h.Client.Resource<Pod>().DeleteAsync("default", "web", cancellationToken: TestContext.Current.CancellationToken);
        await AgentHarness.EventuallyAsync(() => h.Events.WithReason("Killing").Count == 1, "stopping");
        // The sleep arms its timer some time after Killing is recorded (a CI run advanced the clock before it had,
        // so the sleep ended a second late): advance until the stop comes, then check it got what the sleep left.
        await h.AdvanceUntilAsync(() => !h.Runtime.Stops.IsEmpty, TimeSpan.FromSeconds(12), "the stop after preStop");
        await AgentHarness.EventuallyAsync(() => h.Pod("web") is null, "deleted");

        (_, TimeSpan grace, DateTimeOffset at) = Assert.Single(h.Runtime.Stops);
        Assert.True(at >= TestClock.Start + TimeSpan.FromSeconds(5), $"stopped at {at}, before the 5 s preStop ended");
        Assert.Equal(TimeSpan.FromSeconds(12), at - TestClock.Start + grace);
    }

    [Fact]
    public async Task Delete_DeletionGracePeriod_OverridesSpec()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");

        await h.Client.Resource<Pod>().DeleteAsync("default", "web", new DeleteOptions { GracePeriodSeconds = 5 }, TestContext.Current.CancellationToken);
        await AgentHarness.EventuallyAsync(() => h.Pod("web") is null, "deleted");

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(h.Runtime.Stops).Grace);
    }

    [Fact]
    public async Task Delete_Force_ContainersStoppedSandboxRemoved()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");

        await h.Client.Resource<Pod>().DeleteAsync("default", "web", new DeleteOptions { GracePeriodSeconds = 0 }, TestContext.Current.CancellationToken);
        await AgentHarness.EventuallyAsync(() => h.Runtime.Calls.Contains("RemovePodSandbox"), "cleaned up");

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(h.Runtime.Stops).Grace); // the minimum grace
        Assert.Equal(0, h.Runtime.Running("main"));
        await AgentHarness.EventuallyAsync(() => h.Agent.Pods == 0, "the worker gone");
    }

    [Fact]
    public async Task Delete_PodNeverStarted_DeletedAtOnce()
    {
        await using var h = new AgentHarness();
        h.Runtime.OnCreate = c => RuntimeResult<string>.Fail(RuntimeErrorCode.CreateContainerError, "no command");
        await h.StartAsync();
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CreateContainerError", "held");

        await h.Client.Resource<Pod>().DeleteAsync("default", "web", cancellationToken: TestContext.Current.CancellationToken);
        await AgentHarness.EventuallyAsync(() => h.Pod("web") is null, "deleted without waiting for the grace period");
        Assert.Empty(h.Runtime.Stops);
    }

    [Fact]
    public async Task ActiveDeadline_Passed_ContainersStoppedPodFailedDeadlineExceeded()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Pod pod = AgentHarness.NewPod("job", "OnFailure");
        pod.Spec.ActiveDeadlineSeconds = 30;
        await h.CreatePodAsync(pod);
        await h.WaitForPodAsync("job", p => p.Status.Phase == "Running", "running");

        await h.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Empty(h.Runtime.Stops);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        Pod failed = await h.WaitForPodAsync("job", p => p.Status.Phase == "Failed", "failed at the deadline");
        Assert.Equal(("DeadlineExceeded", "Pod was active on the node longer than the specified deadline"), (failed.Status.Reason, failed.Status.Message));
        Assert.Equal("main", Assert.Single(h.Runtime.Stops).Container);
        Assert.Single(h.Events.WithReason("DeadlineExceeded"));
        Assert.NotNull(AgentHarness.Container(failed, "main").State!.Terminated);
    }
}

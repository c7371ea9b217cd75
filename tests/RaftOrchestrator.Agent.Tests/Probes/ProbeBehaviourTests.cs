using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Probes;

public sealed class ProbeBehaviourTests
{
    private static RuntimeResult<ExecResult> Exit(int code, string output = "") =>
        RuntimeResult<ExecResult>.Ok(new ExecResult(code, System.Text.Encoding.UTF8.GetBytes(output), []));

    private static Probe Exec(string command, int period = 10, int failureThreshold = 3, int initialDelay = 0) => new()
    {
        Exec = new ExecAction { Command = ["check", command] },
        PeriodSeconds = period,
        FailureThreshold = failureThreshold,
        InitialDelaySeconds = initialDelay,
    };

    [Fact]
    public async Task Liveness_FailsThreshold_UnhealthyKillingAndRestart()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        bool failing = false;
        int failures = 0;
        // Once failing, exactly three probes fail (the threshold); the next attempt's probes pass.
        h.Runtime.OnExec = (_, _) => failing && Interlocked.Increment(ref failures) <= 3 ? Exit(1, "not ok") : Exit(0);
        Container main = AgentHarness.MainContainer();
        main.LivenessProbe = Exec("live", period: 10, failureThreshold: 3);

        await h.CreatePodAsync(AgentHarness.NewPod("web", "Always", main));
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").Ready, "ran");
        await AgentHarness.EventuallyAsync(() => h.Runtime.Calls.Contains("ExecSync main check live"), "the first probe at once (no initial delay)");

        failing = true;
        await h.AdvanceUntilAsync(() => h.Events.WithReason("Unhealthy").Count == 2, TimeSpan.FromSeconds(30), "two failed probes");
        Assert.Empty(h.Events.WithReason("Killing"));
        Assert.Equal("Liveness probe failed: not ok", h.Events.WithReason("Unhealthy")[0].Message);

        await h.AdvanceUntilAsync(() => h.Events.WithReason("Killing").Count == 1, TimeSpan.FromSeconds(15), "killed at the third failure");
        Assert.Equal(3, h.Events.WithReason("Unhealthy").Count);
        Assert.Equal("Container main failed liveness probe, will be restarted", h.Events.WithReason("Killing")[0].Message);
        Pod restarted = await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").RestartCount == 1 && AgentHarness.Container(p, "main").State?.Running is not null, "restarted");
        Assert.Equal(143, AgentHarness.Container(restarted, "main").LastState!.Terminated!.ExitCode);
        Assert.Equal(2, h.Runtime.Starts("main"));
        (string container, TimeSpan grace, _) = Assert.Single(h.Runtime.Stops);
        Assert.Equal(("main", TimeSpan.FromSeconds(30)), (container, grace));
    }

    [Fact]
    public async Task Readiness_GatesReady_FlipsWithProbe()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        bool ready = false;
        h.Runtime.OnExec = (_, _) => ready ? Exit(0) : Exit(1, "warming up");
        Container main = AgentHarness.MainContainer();
        main.ReadinessProbe = new Probe { Exec = new ExecAction { Command = ["ready"] }, PeriodSeconds = 5, InitialDelaySeconds = 5, FailureThreshold = 1 };

        await h.CreatePodAsync(AgentHarness.NewPod("web", null, main));
        Pod notReady = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");
        Assert.False(AgentHarness.Container(notReady, "main").Ready);
        Assert.True(AgentHarness.Container(notReady, "main").Started);
        Assert.Equal("False", AgentHarness.Condition(notReady, "Ready"));
        Assert.Equal("containers with unready status: [main]", notReady.Status.Conditions!.Find(c => c.Type == "ContainersReady")!.Message);
        Assert.DoesNotContain("ExecSync main ready", h.Runtime.Calls); // the initial delay

        ready = true;
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        Pod isReady = await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "ready once the probe passes");
        Assert.True(AgentHarness.Container(isReady, "main").Ready);
        Assert.Equal("True", AgentHarness.Condition(isReady, "ContainersReady"));

        ready = false;
        await h.AdvanceUntilAsync(() => AgentHarness.Condition(h.Pod("web")!, "Ready") == "False", TimeSpan.FromSeconds(15), "not ready again after a failure");
        Assert.Equal(1, h.Runtime.Starts("main")); // readiness never restarts
        Assert.Contains(h.Events.WithReason("Unhealthy"), e => e.Message == "Readiness probe failed: warming up");
    }

    [Fact]
    public async Task Startup_GatesLivenessAndReadiness()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        bool started = false;
        h.Runtime.OnExec = (_, command) => command[0] == "startup" ? (started ? Exit(0) : Exit(1)) : Exit(0);
        Container main = AgentHarness.MainContainer();
        main.StartupProbe = new Probe { Exec = new ExecAction { Command = ["startup"] }, PeriodSeconds = 1, FailureThreshold = 30 };
        main.LivenessProbe = new Probe { Exec = new ExecAction { Command = ["live"] }, PeriodSeconds = 1 };
        main.ReadinessProbe = new Probe { Exec = new ExecAction { Command = ["ready"] }, PeriodSeconds = 1 };

        await h.CreatePodAsync(AgentHarness.NewPod("web", null, main));
        await h.AdvanceAsync(TimeSpan.FromSeconds(3));
        Pod starting = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");
        Assert.False(AgentHarness.Container(starting, "main").Started);
        Assert.False(AgentHarness.Container(starting, "main").Ready);
        Assert.DoesNotContain(h.Runtime.Calls, c => c.EndsWith(" live", StringComparison.Ordinal) || c.EndsWith(" ready", StringComparison.Ordinal));

        started = true;
        await h.AdvanceUntilAsync(() => AgentHarness.Condition(h.Pod("web")!, "Ready") == "True", TimeSpan.FromSeconds(5), "started, then ready");
        Pod ready = h.Pod("web")!;
        Assert.True(AgentHarness.Container(ready, "main").Started);
        Assert.Equal("True", AgentHarness.Condition(ready, "Ready"));
        Assert.Contains("ExecSync main live", h.Runtime.Calls);
        Assert.Contains("ExecSync main ready", h.Runtime.Calls);
    }

    [Fact]
    public async Task Startup_FailsThreshold_ContainerKilled()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.OnExec = (_, _) => Exit(1, "still starting");
        Container main = AgentHarness.MainContainer();
        main.StartupProbe = new Probe { Exec = new ExecAction { Command = ["startup"] }, PeriodSeconds = 1, FailureThreshold = 2 };

        await h.CreatePodAsync(AgentHarness.NewPod("web", "Never", main));
        await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");
        await h.AdvanceUntilAsync(() => h.Pod("web")!.Status.Phase == "Failed", TimeSpan.FromSeconds(5), "killed and not restarted (Never)");

        Pod failed = h.Pod("web")!;
        Assert.Equal("Container main failed startup probe, will be restarted", Assert.Single(h.Events.WithReason("Killing")).Message);
        Assert.Equal(1, h.Runtime.Starts("main"));
        Assert.Equal(143, AgentHarness.Container(failed, "main").State!.Terminated!.ExitCode);
    }
}

using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Pods;

public sealed class CrashLoopTests
{
    [Fact]
    public async Task Restart_CrashLoop_BackoffDoublesFromBase()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("main", 1, 1, 1, 1);

        await h.CreatePodAsync(AgentHarness.NewPod("crash"));
        // Attempt 1 exits at once and restarts at once (the kubelet's first restart has no back-off); attempt 2 exits.
        Pod waiting = await h.WaitForPodAsync("crash", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CrashLoopBackOff", "waits in back-off");
        Assert.Equal(2, h.Runtime.Starts("main"));
        ContainerStatus main = AgentHarness.Container(waiting, "main");
        Assert.Equal(1, main.RestartCount);
        Assert.Equal(1, main.LastState!.Terminated!.ExitCode);
        Assert.Equal($"back-off 10s restarting failed container=main pod=crash_default({waiting.Metadata.Uid})", main.State!.Waiting!.Message);
        Assert.Equal("Running", waiting.Status.Phase); // Always: a crash-looping container is restarting
        Assert.Equal("False", AgentHarness.Condition(waiting, "Ready"));
        Assert.Equal($"Back-off restarting failed container main in pod crash_default({waiting.Metadata.Uid})", Assert.Single(h.Events.WithReason("BackOff")).Message);

        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Equal(2, h.Runtime.Starts("main"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 3, "the third attempt 10 s after the second exit");

        Pod longer = await h.WaitForPodAsync("crash", p => AgentHarness.Container(p, "main").State?.Waiting?.Message?.StartsWith("back-off 20s", StringComparison.Ordinal) == true, "waits 20 s");
        Assert.Equal(2, AgentHarness.Container(longer, "main").RestartCount);
        await h.AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.Equal(3, h.Runtime.Starts("main"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 4, "the fourth attempt 20 s after the third exit");
    }

    [Fact]
    public async Task Restart_BackoffCappedAtMax()
    {
        await using var h = new AgentHarness(o => o with { CrashLoopBackOffBase = TimeSpan.FromSeconds(10), CrashLoopBackOffMax = TimeSpan.FromSeconds(30) });
        await h.StartAsync();
        h.Runtime.ExitWith("main", 1, 1, 1, 1, 1, 1);

        await h.CreatePodAsync(AgentHarness.NewPod("crash"));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 2, "two attempts");
        await h.AdvanceAsync(TimeSpan.FromSeconds(10)); // 3rd, then waits 20 s
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 3, "third");
        await h.AdvanceAsync(TimeSpan.FromSeconds(20)); // 4th, then waits 30 s (not 40)
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 4, "fourth");
        Pod capped = await h.WaitForPodAsync("crash", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CrashLoopBackOff", "waits");
        Assert.StartsWith("back-off 30s", AgentHarness.Container(capped, "main").State!.Waiting!.Message, StringComparison.Ordinal);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 5, "fifth after the capped 30 s");
    }

    [Fact]
    public async Task Restart_AfterLongRun_BackoffReset()
    {
        await using var h = new AgentHarness(o => o with { CrashLoopBackOffMax = TimeSpan.FromMinutes(1) });
        await h.StartAsync();
        h.Runtime.ExitWith("main", 1, 1);
        h.Runtime.ExitWith("main", TimeSpan.FromMinutes(3), 1);
        h.Runtime.ExitWith("main", 1);

        await h.CreatePodAsync(AgentHarness.NewPod("crash"));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 2, "two quick attempts");
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        // The third attempt runs 3 min (more than twice the 1 min maximum): its exit restarts at once, as a first crash.
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 3, "the long-running attempt");
        await h.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(10));
        await AgentHarness.EventuallyAsync(() => h.Runtime.Starts("main") == 4, "restarted at once after the long run");
        Pod waiting = await h.WaitForPodAsync("crash", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CrashLoopBackOff", "back in back-off");
        Assert.StartsWith("back-off 10s", AgentHarness.Container(waiting, "main").State!.Waiting!.Message, StringComparison.Ordinal);
    }
}

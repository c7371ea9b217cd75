using System.Text;
using RaftOrchestrator.Agent.Logs;
using RaftOrchestrator.Agent.Pods;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Logs;

/// <summary>
/// NodeAgent.Logs, what the agent's /containerLogs endpoint serves: which attempt's log a request reads (from the
/// agent's own view of its pods), the kubelet's errors, and the copy of real CriLogWriter files, followed until the
/// attempt ends.
/// </summary>
public sealed class ContainerLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_PodOrContainerNotRunHere_IsNotFound()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await RunningAsync(h, "web");

        Assert.Equal((ContainerLogOutcome.NotFound, "pod \"other\" does not exist"), Outcome(h.Agent.Logs.Find("default", "other", "main", false)));
        Assert.Equal((ContainerLogOutcome.NotFound, "pod \"web\" does not exist"), Outcome(h.Agent.Logs.Find("elsewhere", "web", "main", false)));
        Assert.Equal((ContainerLogOutcome.NotFound, "container \"side\" not found in pod \"web\""), Outcome(h.Agent.Logs.Find("default", "web", "side", false)));
    }

    [Fact]
    public async Task Copy_RunningContainer_PrintsItsLogWithTailAndLimit()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Pod pod = await RunningAsync(h, "web");
        using (CriLogWriter writer = OpenLog(h, pod, attempt: 0))
        {
            writer.Write(LogStreamType.Stdout, "one\ntwo\n"u8);
        }

        ContainerLogTarget target = h.Agent.Logs.Find("default", "web", "main", previous: false);

        Assert.Equal(ContainerLogOutcome.Found, target.Outcome);
        Assert.EndsWith(Path.Combine("main", "0.log"), target.Path, StringComparison.Ordinal);
        Assert.Equal("one\ntwo\n", await CopyAsync(h, target, new PodLogOptions()));
        Assert.Equal("two\n", await CopyAsync(h, target, new PodLogOptions { TailLines = 1 }));
        Assert.Equal("one\ntw", await CopyAsync(h, target, new PodLogOptions { LimitBytes = 6 }));
        Assert.Equal("", await CopyAsync(h, target, new PodLogOptions { SinceTime = h.Time.GetUtcNow().AddSeconds(1) }));
        Assert.Equal(
            (ContainerLogOutcome.Unavailable, "previous terminated container \"main\" in pod \"web\" not found"),
            Outcome(h.Agent.Logs.Find("default", "web", "main", previous: true)));
    }

    [Fact]
    public async Task Find_AfterARestart_PreviousIsTheExitedAttempt()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("main", 1); // attempt 0 exits at once; attempt 1 (the first restart has no back-off) runs
        Pod pod = await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main") is { RestartCount: 1, State.Running: not null }, "runs its second attempt");

        ContainerLogTarget current = h.Agent.Logs.Find("default", "web", "main", previous: false);
        ContainerLogTarget previous = h.Agent.Logs.Find("default", "web", "main", previous: true);

        Assert.Equal((1, Path.Combine("main", "1.log")), (current.Container!.Attempt, Relative(h, pod, current.Path!)));
        Assert.Equal((0, Path.Combine("main", "0.log")), (previous.Container!.Attempt, Relative(h, pod, previous.Path!)));
    }

    [Fact]
    public async Task Find_WaitingInCrashLoop_ShowsTheAttemptThatCrashed()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        h.Runtime.ExitWith("main", 1, 1);
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CrashLoopBackOff", "waits in back-off");

        // The kubelet's rule: waiting with a lastState shows the lastState's attempt, with or without --previous.
        Assert.Equal(1, h.Agent.Logs.Find("default", "web", "main", previous: false).Container!.Attempt);
        Assert.Equal(1, h.Agent.Logs.Find("default", "web", "main", previous: true).Container!.Attempt);
    }

    [Fact]
    public async Task Find_InitContainerStillRunning_RegularContainerIsWaitingToStart()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Pod pod = AgentHarness.NewPod("web");
        pod.Spec.InitContainers = [AgentHarness.MainContainer("setup")];
        await h.CreatePodAsync(pod);
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "setup").State?.Running is not null, "runs its init container");

        Assert.Equal(ContainerLogOutcome.Found, h.Agent.Logs.Find("default", "web", "setup", false).Outcome);
        Assert.Equal(
            (ContainerLogOutcome.Unavailable, "container \"main\" in pod \"web\" is waiting to start: PodInitializing"),
            Outcome(h.Agent.Logs.Find("default", "web", "main", false)));
    }

    [Fact]
    public async Task Copy_Follow_StreamsLaterOutput_AndEndsWhenTheAttemptExits()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Pod pod = await RunningAsync(h, "web");
        using CriLogWriter writer = OpenLog(h, pod, attempt: 0);
        writer.Write(LogStreamType.Stdout, "first\n"u8);
        ContainerLogTarget target = h.Agent.Logs.Find("default", "web", "main", false);
        var output = new FlushCountingStream();

        Task copy = h.Agent.Logs.CopyAsync(target, new PodLogOptions { Follow = true, Timestamps = false }, output, Ct);
        await AgentHarness.EventuallyAsync(() => output.Text == "first\n", "the first line");
        writer.Write(LogStreamType.Stdout, "later\n"u8);
        await h.AdvanceUntilAsync(() => output.Text == "first\nlater\n", TimeSpan.FromSeconds(5), "the later line", TimeSpan.FromMilliseconds(100));
        Assert.False(copy.IsCompleted, "a follow of a running attempt goes on");
        Assert.True(output.Flushes >= 2, "each chunk is flushed");

        writer.Write(LogStreamType.Stdout, "last words\n"u8);
        h.Runtime.Exit("main", 0);
        await h.AdvanceUntilAsync(() => copy.IsCompleted, TimeSpan.FromSeconds(5), "the follow to end with the attempt", TimeSpan.FromMilliseconds(100));
        await copy;
        Assert.Equal("first\nlater\nlast words\n", output.Text);
    }

    [Fact]
    public async Task Copy_FollowCancelled_Throws()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Pod pod = await RunningAsync(h, "web");
        using (OpenLog(h, pod, attempt: 0))
        {
        }
        using var client = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task copy = h.Agent.Logs.CopyAsync(h.Agent.Logs.Find("default", "web", "main", false), new PodLogOptions { Follow = true }, new MemoryStream(), client.Token);
        await AgentHarness.SettleAsync();
        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copy);
    }

    private static async Task<Pod> RunningAsync(AgentHarness h, string name)
    {
        await h.CreatePodAsync(AgentHarness.NewPod(name));
        return await h.WaitForPodAsync(name, p => AgentHarness.Container(p, "main").State?.Running is not null, "runs");
    }

    private static string LogDirectory(AgentHarness h, Pod pod) =>
        PodPaths.LogDirectory(h.Options.DataDirectory, "default", pod.Metadata.Name!, pod.Metadata.Uid!);

    private static string Relative(AgentHarness h, Pod pod, string path) => Path.GetRelativePath(LogDirectory(h, pod), path);

    /// <summary>The real writer, at the path the agent gave the attempt.</summary>
    private static CriLogWriter OpenLog(AgentHarness h, Pod pod, int attempt)
    {
        string path = Path.Combine(LogDirectory(h, pod), PodPaths.ContainerLog("main", attempt));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return CriLogWriter.Open(path, h.Time);
    }

    private static async Task<string> CopyAsync(AgentHarness h, ContainerLogTarget target, PodLogOptions options)
    {
        var output = new MemoryStream();
        await h.Agent.Logs.CopyAsync(target, options, output, Ct);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static (ContainerLogOutcome, string) Outcome(ContainerLogTarget target) => (target.Outcome, target.Message);

    /// <summary>A memory stream that counts flushes and reads back safely while written from another thread.</summary>
    private sealed class FlushCountingStream : MemoryStream
    {
        private readonly Lock _gate = new();
        private int _flushes;

        public int Flushes => Volatile.Read(ref _flushes);

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return Encoding.UTF8.GetString(ToArray());
                }
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Write(buffer, offset, count);
            }
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                Write(buffer.Span);
            }
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _flushes);
            return Task.CompletedTask;
        }
    }
}

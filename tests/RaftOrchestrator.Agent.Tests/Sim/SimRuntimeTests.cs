using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Sim;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Sim;

public sealed class SimRuntimeTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly string _logs = Directory.CreateTempSubdirectory("sim-runtime-tests-").FullName;
    private SimRuntime? _runtime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_takes_the_start_latency_then_the_container_runs()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions { StartLatency = SimLatency.Fixed(TimeSpan.FromSeconds(2)) });
        string container = await CreateAsync(runtime);

        Task<RuntimeResult> start = runtime.StartContainerAsync(container, Ct);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(50, Ct);
        Assert.False(start.IsCompleted);
        Assert.Equal(ContainerRunState.Created, (await runtime.ContainerStatusAsync(container, Ct)).Value!.State);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await start.WaitAsync(TimeSpan.FromSeconds(5), Ct)).IsOk);
        ContainerStatusInfo status = (await runtime.ContainerStatusAsync(container, Ct)).Value!;
        Assert.Equal(ContainerRunState.Running, status.State);
        Assert.Equal(TestClock.Start + TimeSpan.FromSeconds(2), status.StartedAt);
    }

    [Fact]
    public async Task A_failing_container_exits_with_code_one_after_it_ran_and_says_so_on_the_events()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions { FailureRate = 1, FailAfter = TimeSpan.FromSeconds(3) });
        await using IAsyncEnumerator<ContainerEvent> events = runtime.Events(Ct).GetAsyncEnumerator(Ct);
        string container = await CreateAsync(runtime);
        Assert.True((await runtime.StartContainerAsync(container, Ct)).IsOk);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(ContainerEventKind.Started, events.Current.Kind);

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal((container, ContainerEventKind.Exited), (events.Current.ContainerId, events.Current.Kind));
        ContainerStatusInfo status = (await runtime.ContainerStatusAsync(container, Ct)).Value!;
        Assert.Equal((ContainerRunState.Exited, 1, "Error"), (status.State, status.ExitCode, status.Reason));
        Assert.Equal(TestClock.Start + TimeSpan.FromSeconds(3), status.FinishedAt);
    }

    [Fact]
    public async Task Without_failures_a_container_runs_until_stopped_and_a_graceful_stop_exits_zero()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions { StopLatency = TimeSpan.FromSeconds(1) });
        string container = await CreateAsync(runtime);
        await runtime.StartContainerAsync(container, Ct);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ContainerRunState.Running, (await runtime.ContainerStatusAsync(container, Ct)).Value!.State);

        Task<RuntimeResult> stop = runtime.StopContainerAsync(container, TimeSpan.FromSeconds(30), Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await stop.WaitAsync(TimeSpan.FromSeconds(5), Ct)).IsOk);
        ContainerStatusInfo status = (await runtime.ContainerStatusAsync(container, Ct)).Value!;
        Assert.Equal((ContainerRunState.Exited, 0, "Completed"), (status.State, status.ExitCode, status.Reason));
    }

    [Fact]
    public async Task A_stop_slower_than_the_grace_period_is_a_kill_at_its_end()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions { StopLatency = TimeSpan.FromSeconds(10) });
        string container = await CreateAsync(runtime);
        await runtime.StartContainerAsync(container, Ct);

        Task<RuntimeResult> stop = runtime.StopContainerAsync(container, TimeSpan.FromSeconds(2), Ct);
        _time.Advance(TimeSpan.FromSeconds(2));
        await stop.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        ContainerStatusInfo status = (await runtime.ContainerStatusAsync(container, Ct)).Value!;
        Assert.Equal((137, TestClock.Start + TimeSpan.FromSeconds(2)), (status.ExitCode!.Value, status.FinishedAt!.Value));
    }

    [Fact]
    public async Task Exec_answers_zero_or_one_at_the_exec_failure_rate_and_only_in_a_running_container()
    {
        SimRuntime healthy = Runtime(new SimRuntimeOptions());
        string container = await CreateAsync(healthy);
        Assert.Equal(RuntimeErrorCode.InvalidArgument, (await healthy.ExecSyncAsync(container, ["true"], TimeSpan.FromSeconds(1), Ct)).Error!.Code);
        await healthy.StartContainerAsync(container, Ct);
        Assert.Equal(0, (await healthy.ExecSyncAsync(container, ["true"], TimeSpan.FromSeconds(1), Ct)).Value!.ExitCode);

        await using var failing = new SimRuntime(new SimRuntimeOptions { ExecFailureRate = 1 }, _time);
        string other = await CreateAsync(failing);
        await failing.StartContainerAsync(other, Ct);
        Assert.Equal(1, (await failing.ExecSyncAsync(other, ["true"], TimeSpan.FromSeconds(1), Ct)).Value!.ExitCode);
        Assert.Equal(RuntimeErrorCode.NotFound, (await failing.ExecSyncAsync("nope", ["true"], TimeSpan.FromSeconds(1), Ct)).Error!.Code);
    }

    [Fact]
    public async Task Exec_failures_follow_the_rate_and_the_seed()
    {
        async Task<int> FailuresAsync(int seed)
        {
            await using var runtime = new SimRuntime(new SimRuntimeOptions { ExecFailureRate = 0.3, Seed = seed }, _time);
            string container = await CreateAsync(runtime);
            await runtime.StartContainerAsync(container, Ct);
            int failures = 0;
            for (int i = 0; i < 1000; i++)
            {
                failures += (await runtime.ExecSyncAsync(container, ["probe"], TimeSpan.FromSeconds(1), Ct)).Value!.ExitCode;
            }
            return failures;
        }
        int first = await FailuresAsync(4);
        Assert.InRange(first, 250, 350);
        Assert.Equal(first, await FailuresAsync(4));
    }

    [Fact]
    public async Task Removing_the_sandbox_kills_and_removes_its_containers()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions());
        string sandbox = (await runtime.RunPodSandboxAsync(Sandbox("a"), Ct)).Value!;
        string one = (await runtime.CreateContainerAsync(sandbox, Container("one"), Ct)).Value!;
        string two = (await runtime.CreateContainerAsync(sandbox, Container("two"), Ct)).Value!;
        string elsewhere = await CreateAsync(runtime);
        await runtime.StartContainerAsync(one, Ct);
        Assert.Equal([one, two], (await runtime.ListContainersAsync(sandbox, Ct)).Select(c => c.Id));
        Assert.Equal(PodSandboxState.Ready, (await runtime.PodSandboxStatusAsync(sandbox, Ct)).Value!.State);

        Assert.True((await runtime.StopPodSandboxAsync(sandbox, Ct)).IsOk);
        Assert.Equal(137, (await runtime.ContainerStatusAsync(one, Ct)).Value!.ExitCode);
        Assert.Equal(PodSandboxState.NotReady, (await runtime.PodSandboxStatusAsync(sandbox, Ct)).Value!.State);
        Assert.True((await runtime.RemovePodSandboxAsync(sandbox, Ct)).IsOk);
        Assert.True((await runtime.RemovePodSandboxAsync(sandbox, Ct)).IsOk);
        Assert.Equal([elsewhere], (await runtime.ListContainersAsync(null, Ct)).Select(c => c.Id));
        Assert.Equal(RuntimeErrorCode.NotFound, (await runtime.PodSandboxStatusAsync(sandbox, Ct)).Error!.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await runtime.StartContainerAsync(two, Ct)).Error!.Code);
    }

    [Fact]
    public async Task Sandboxes_get_distinct_ips_and_a_second_start_is_refused()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions());
        string[] ids = [.. await Task.WhenAll(Enumerable.Range(0, 300).Select(async i => (await runtime.RunPodSandboxAsync(Sandbox($"p{i}"), Ct)).Value!))];
        string[] ips = [.. await Task.WhenAll(ids.Select(async id => (await runtime.PodSandboxStatusAsync(id, Ct)).Value!.Ip!))];
        Assert.Equal(300, ips.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ips, ip => ip.EndsWith(".0", StringComparison.Ordinal) || ip.EndsWith(".255", StringComparison.Ordinal));

        string container = (await runtime.CreateContainerAsync(ids[0], Container("c"), Ct)).Value!;
        Assert.True((await runtime.StartContainerAsync(container, Ct)).IsOk);
        Assert.Equal(RuntimeErrorCode.InvalidArgument, (await runtime.StartContainerAsync(container, Ct)).Error!.Code);
    }

    [Fact]
    public async Task A_start_writes_one_cri_log_line_at_the_container_log_path()
    {
        SimRuntime runtime = Runtime(new SimRuntimeOptions());
        string container = await CreateAsync(runtime);
        await runtime.StartContainerAsync(container, Ct);

        string line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_logs, "a", "app", "0.log"), Ct));
        Assert.Equal("2026-01-01T00:00:00.000000000Z stdout F simulated container app started (attempt 0)", line);
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }
        Directory.Delete(_logs, recursive: true);
    }

    private SimRuntime Runtime(SimRuntimeOptions options) => _runtime = new SimRuntime(options, _time);

    private async Task<string> CreateAsync(SimRuntime runtime, string pod = "a")
    {
        string sandbox = (await runtime.RunPodSandboxAsync(Sandbox(pod), Ct)).Value!;
        return (await runtime.CreateContainerAsync(sandbox, Container("app"), Ct)).Value!;
    }

    private PodSandboxConfig Sandbox(string name) =>
        new("default", name, "uid-" + name, 0, name, Path.Combine(_logs, name), new Dictionary<string, string>(), new Dictionary<string, string>());

    private static ContainerConfig Container(string name) =>
        new(name, 0, "registry.example/app:1", [], [], [], null, Path.Combine(name, "0.log"), new Dictionary<string, string>());
}

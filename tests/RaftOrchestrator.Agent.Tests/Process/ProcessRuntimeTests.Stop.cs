using System.Diagnostics;
using System.Globalization;
using RaftOrchestrator.Agent.Process;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Tests.Process;

public sealed partial class ProcessRuntimeTests
{
    [Fact]
    public async Task Stop_ProcessHandlesTerm_ExitsWithinGraceWith143()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sleep", "30"]));
        long start = Stopwatch.GetTimestamp();

        RuntimeResult stopped = await _runtime.StopContainerAsync(id, TimeSpan.FromSeconds(10), Ct);

        Assert.True(stopped.IsOk);
        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(5));
        ContainerStatusInfo status = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        Assert.Equal((ContainerRunState.Exited, 143, "Error"), (status.State, status.ExitCode, status.Reason));
    }

    [Fact]
    public async Task Stop_ProcessIgnoresTerm_EscalatesToKillOnceGraceHasPassed()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", "trap '' TERM; echo ready; sleep 30"]));
        ContainerStatusInfo running = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        await WaitForLogAsync(running.LogPath, line => line == "ready");
        TimeSpan grace = TimeSpan.FromSeconds(1);
        long start = Stopwatch.GetTimestamp();

        RuntimeResult stopped = await _runtime.StopContainerAsync(id, grace, Ct);

        TimeSpan took = Stopwatch.GetElapsedTime(start);
        Assert.True(stopped.IsOk);
        Assert.InRange(took, grace - TimeSpan.FromMilliseconds(50), grace + TimeSpan.FromSeconds(4));
        Assert.Equal(137, Ok(await _runtime.ContainerStatusAsync(id, Ct)).ExitCode);
    }

    [Fact]
    public async Task Stop_GroupWithBackgroundChild_LeavesNoProcessBehind()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", "sleep 30 & echo $!; sleep 30"]));
        int pid = _runtime.ProcessIdOf(id) ?? throw new InvalidOperationException("no pid");
        ContainerStatusInfo running = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        int child = int.Parse(await WaitForLogAsync(running.LogPath, _ => true), CultureInfo.InvariantCulture);
        Assert.Equal(pid, GroupAndSession(child).Group);

        RuntimeResult stopped = await _runtime.StopContainerAsync(id, TimeSpan.FromSeconds(10), Ct);

        Assert.True(stopped.IsOk);
        Assert.True(IsGone(pid));
        await AssertGoneAsync(child);
    }

    [Fact]
    public async Task Stop_NotRunning_IsOkAndChangesNothing()
    {
        string sandbox = await SandboxAsync();
        string created = Ok(await _runtime.CreateContainerAsync(sandbox, Container("created", ["true"]), Ct));
        string exited = await StartAsync(sandbox, Container("exited", ["true"]));
        await WaitExitedAsync(exited);

        Assert.True((await _runtime.StopContainerAsync(created, TimeSpan.FromSeconds(1), Ct)).IsOk);
        Assert.True((await _runtime.StopContainerAsync(exited, TimeSpan.FromSeconds(1), Ct)).IsOk);

        Assert.Equal(ContainerRunState.Created, Ok(await _runtime.ContainerStatusAsync(created, Ct)).State);
        Assert.Equal(0, Ok(await _runtime.ContainerStatusAsync(exited, Ct)).ExitCode);
    }

    [Fact]
    public async Task Remove_Running_KillsItThenForgetsIt()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sleep", "30"]));
        int pid = _runtime.ProcessIdOf(id) ?? throw new InvalidOperationException("no pid");

        RuntimeResult removed = await _runtime.RemoveContainerAsync(id, Ct);

        Assert.True(removed.IsOk);
        Assert.True(IsGone(pid));
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.ContainerStatusAsync(id, Ct)).Error?.Code);
        Assert.Empty(await _runtime.ListContainersAsync(sandbox, Ct));
    }

    [Fact]
    public async Task StopPodSandbox_RunningContainers_KillsEveryOneAndRefusesNewOnes()
    {
        string sandbox = await SandboxAsync();
        string other = await SandboxAsync("other");
        string first = await StartAsync(sandbox, Container("a", ["sleep", "30"]));
        string second = await StartAsync(sandbox, Container("b", ["sh", "-c", "trap '' TERM; sleep 30"]));
        string elsewhere = await StartAsync(other, Container("c", ["sleep", "30"]));

        Assert.True((await _runtime.StopPodSandboxAsync(sandbox, Ct)).IsOk);

        IReadOnlyList<ContainerStatusInfo> containers = await _runtime.ListContainersAsync(sandbox, Ct);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), containers.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal((ContainerRunState.Exited, 137), (c.State, c.ExitCode)));
        Assert.Equal(ContainerRunState.Running, Ok(await _runtime.ContainerStatusAsync(elsewhere, Ct)).State);
        Assert.Equal(PodSandboxState.NotReady, Ok(await _runtime.PodSandboxStatusAsync(sandbox, Ct)).State);
        Assert.Equal(RuntimeErrorCode.InvalidArgument, (await _runtime.CreateContainerAsync(sandbox, Container("d", ["true"]), Ct)).Error?.Code);
    }

    [Fact]
    public async Task RemovePodSandbox_DeletesItsDirectoryAndForgetsItsContainers()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sleep", "30"]));
        string directory = _directory.Combine("root", sandbox);
        Assert.True(Directory.Exists(directory));

        Assert.True((await _runtime.RemovePodSandboxAsync(sandbox, Ct)).IsOk);

        Assert.False(Directory.Exists(directory));
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.PodSandboxStatusAsync(sandbox, Ct)).Error?.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.ContainerStatusAsync(id, Ct)).Error?.Code);
        Assert.True(Directory.Exists(_directory.Combine("logs", "pod")), "logs are the agent's to remove");
    }

    [Fact]
    public async Task DisposeAsync_KillsEverythingItStarted()
    {
        using var directory = new TempDirectory();
        var runtime = new ProcessRuntime(new ProcessRuntimeOptions(directory.Combine("root")), TimeProvider.System);
        var config = new PodSandboxConfig(
            "default", "p", "u", 0, "p", directory.Combine("logs"), new Dictionary<string, string>(), new Dictionary<string, string>());
        string sandbox = Ok(await runtime.RunPodSandboxAsync(config, Ct));
        string id = Ok(await runtime.CreateContainerAsync(sandbox, Container("c", ["sh", "-c", "trap '' TERM; sleep 30"]), Ct));
        Assert.True((await runtime.StartContainerAsync(id, Ct)).IsOk);
        int pid = runtime.ProcessIdOf(id) ?? throw new InvalidOperationException("no pid");

        await runtime.DisposeAsync().AsTask().WaitAsync(Bound, Ct);

        Assert.True(IsGone(pid));
    }
}

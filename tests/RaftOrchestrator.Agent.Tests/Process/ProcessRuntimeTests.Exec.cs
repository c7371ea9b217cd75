using System.Diagnostics;
using System.Globalization;
using System.Text;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Tests.Process;

public sealed partial class ProcessRuntimeTests
{
    [Fact]
    public async Task ExecSync_Command_AnswersExitCodeAndBothOutputs()
    {
        string id = await RunningContainerAsync();

        ExecResult result = Ok(await _runtime.ExecSyncAsync(id, ["sh", "-c", "echo hi; echo oops >&2; exit 4"], TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("hi\n", Encoding.UTF8.GetString(result.Stdout));
        Assert.Equal("oops\n", Encoding.UTF8.GetString(result.Stderr));
    }

    [Fact]
    public async Task ExecSync_Command_RunsWithTheContainersEnvironmentAndWorkingDirectory()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("web", ["sleep", "30"], env: [("FOO", "from-container")]));

        ExecResult result = Ok(await _runtime.ExecSyncAsync(id, ["sh", "-c", "echo $FOO; pwd"], TimeSpan.Zero, Ct));

        Assert.Equal($"from-container\n{_directory.Combine("root", sandbox, "web")}\n", Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public async Task ExecSync_PastTimeout_IsDeadlineExceededAndTheCommandIsKilled()
    {
        string id = await RunningContainerAsync();
        string pidFile = _directory.Combine("exec.pid");
        TimeSpan timeout = TimeSpan.FromMilliseconds(500);
        long start = Stopwatch.GetTimestamp();

        RuntimeResult<ExecResult> result = await _runtime.ExecSyncAsync(id, ["sh", "-c", $"echo $$ > {pidFile}; sleep 30"], timeout, Ct);

        Assert.Equal(RuntimeErrorCode.DeadlineExceeded, result.Error?.Code);
        // The runtime's timer may fire a few ms before the Stopwatch says the timeout passed (a CI run: 496.5 ms).
        Assert.InRange(Stopwatch.GetElapsedTime(start), timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(4));
        Assert.True(IsGone(int.Parse(await File.ReadAllTextAsync(pidFile, Ct), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ExecSync_LargeOutput_KeepsTheFirst64KiB()
    {
        string id = await RunningContainerAsync();

        ExecResult result = Ok(await _runtime.ExecSyncAsync(id, ["sh", "-c", "head -c 200000 /dev/zero; echo done >&2"], TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(64 * 1024, result.Stdout.Length);
        Assert.Equal("done\n", Encoding.UTF8.GetString(result.Stderr));
    }

    [Fact]
    public async Task ExecSync_NoSuchCommand_AnswersExitCode127WithTheReason()
    {
        string id = await RunningContainerAsync();

        ExecResult result = Ok(await _runtime.ExecSyncAsync(id, ["ro-no-such-command"], TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("executable file not found", Encoding.UTF8.GetString(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecSync_ContainerNotRunning_IsInvalidArgument()
    {
        string sandbox = await SandboxAsync();
        string id = Ok(await _runtime.CreateContainerAsync(sandbox, Container("c", ["sleep", "30"]), Ct));

        RuntimeResult<ExecResult> result = await _runtime.ExecSyncAsync(id, ["true"], TimeSpan.FromSeconds(1), Ct);

        Assert.Equal(RuntimeErrorCode.InvalidArgument, result.Error?.Code);
    }

    [Fact]
    public async Task ExecSync_ContainerStopped_EndsTheExecToo()
    {
        string id = await RunningContainerAsync();
        Task<RuntimeResult<ExecResult>> exec = _runtime.ExecSyncAsync(id, ["sleep", "30"], TimeSpan.Zero, Ct);
        await Task.Delay(200, Ct);

        Assert.True((await _runtime.StopContainerAsync(id, TimeSpan.FromSeconds(5), Ct)).IsOk);

        ExecResult result = Ok(await exec.WaitAsync(Bound, Ct));
        Assert.Equal(137, result.ExitCode);
    }

    private async Task<string> RunningContainerAsync()
    {
        string sandbox = await SandboxAsync();
        return await StartAsync(sandbox, Container("c", ["sleep", "30"]));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RaftOrchestrator.Agent.Logs;
using RaftOrchestrator.Agent.Process;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Tests.Process;

/// <summary>
/// The process runtime with real host processes (sh, sleep). Every wait is bounded by <see cref="Bound"/>; every
/// process a test starts is killed by the runtime's dispose at the latest.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ProcessRuntimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static readonly Regex CriRecord = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z (stdout|stderr) (F|P) (.*)$", RegexOptions.CultureInvariant);

    private readonly TempDirectory _directory = new();
    private readonly ProcessRuntime _runtime;

    public ProcessRuntimeTests()
    {
        _runtime = new ProcessRuntime(new ProcessRuntimeOptions(_directory.Combine("root")), TimeProvider.System);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task RunPodSandbox_NewSandbox_IsReadyOnTheHostIpWithItsLogDirectory()
    {
        string sandbox = await SandboxAsync("web");

        PodSandboxStatus status = Ok(await _runtime.PodSandboxStatusAsync(sandbox, Ct));

        Assert.Equal(PodSandboxState.Ready, status.State);
        Assert.Equal("127.0.0.1", status.Ip);
        Assert.True(Directory.Exists(_directory.Combine("logs", "web")));
    }

    [Fact]
    public async Task Start_ShellWritesBothStreamsAndExits3_LogsCriRecordsAndReportsTheExit()
    {
        string sandbox = await SandboxAsync();
        using var events = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        events.CancelAfter(Bound);
        IAsyncEnumerator<ContainerEvent> reader = _runtime.Events(events.Token).GetAsyncEnumerator(events.Token);

        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", "echo out; echo err >&2; exit 3"]));

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal((id, ContainerEventKind.Started), (reader.Current.ContainerId, reader.Current.Kind));
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal((id, ContainerEventKind.Exited), (reader.Current.ContainerId, reader.Current.Kind));
        await reader.DisposeAsync();
        ContainerStatusInfo status = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        Assert.Equal(ContainerRunState.Exited, status.State);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal("Error", status.Reason);
        Assert.NotNull(status.StartedAt);
        Assert.True(status.FinishedAt >= status.StartedAt);
        Assert.Equal(sandbox, status.SandboxId);
        Assert.Equal(_directory.Combine("logs", "pod", "c", "0.log"), status.LogPath);
        // The Exited event came after the output was in the file. The streams are two pipes: no order between them.
        List<(string Stream, string Tag, string Content)> records = await RecordsAsync(status.LogPath);
        Assert.Equal([("stderr", "F", "err"), ("stdout", "F", "out")], records.OrderBy(r => r.Stream, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_ExitsZero_ReasonIsCompleted()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["true"]));

        ContainerStatusInfo status = await WaitExitedAsync(id);

        Assert.Equal((0, "Completed"), (status.ExitCode, status.Reason));
    }

    [Fact]
    public async Task Start_GivenEnvironment_IsAllTheProcessGets()
    {
        Environment.SetEnvironmentVariable("RO_PROCESS_RUNTIME_PROBE", "leaked");
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PATH")));
        string sandbox = await SandboxAsync();
        string script = "echo \"FOO=$FOO\"; echo \"PROBE=${RO_PROCESS_RUNTIME_PROBE:-unset}\"; echo \"PATH=${PATH:-unset}\"; env";

        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", script], env: [("FOO", "bar baz"), ("X", "1"), ("X", "2")]));

        ContainerStatusInfo status = await WaitExitedAsync(id);
        string[] lines = (await RecordsAsync(status.LogPath)).Select(r => r.Content).ToArray();
        Assert.Equal(["FOO=bar baz", "PROBE=unset"], lines[..2]);
        // dash sets a default PATH for its own lookups but does not export it: env must not show it.
        string[] names = lines[3..].Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["FOO", "PWD", "X"], names.Where(name => name is not ("SHLVL" or "_" or "OLDPWD")));
        Assert.Contains("X=2", lines[3..]);
    }

    [Fact]
    public async Task Start_NoWorkingDirectory_RunsInItsOwnDirectoryUnderTheSandbox()
    {
        string sandbox = await SandboxAsync();

        string id = await StartAsync(sandbox, Container("web", ["pwd"]));

        ContainerStatusInfo status = await WaitExitedAsync(id);
        string expected = _directory.Combine("root", sandbox, "web");
        Assert.Equal([("stdout", "F", expected)], await RecordsAsync(status.LogPath));
        Assert.True(Directory.Exists(expected));
    }

    [Fact]
    public async Task Start_WorkingDirectory_RunsThereAndFindsRelativeCommands()
    {
        string sandbox = await SandboxAsync();
        string directory = Directory.CreateDirectory(_directory.Combine("work")).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "run.sh"), "#!/bin/sh\npwd\n", Ct);
        File.SetUnixFileMode(Path.Combine(directory, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        string id = await StartAsync(sandbox, Container("c", ["./run.sh"], workingDirectory: directory));

        ContainerStatusInfo status = await WaitExitedAsync(id);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal([("stdout", "F", directory)], await RecordsAsync(status.LogPath));
    }

    [Fact]
    public async Task Start_MissingWorkingDirectory_IsRunContainerError()
    {
        string sandbox = await SandboxAsync();
        string id = Ok(await _runtime.CreateContainerAsync(sandbox, Container("c", ["true"], workingDirectory: _directory.Combine("none")), Ct));

        RuntimeResult started = await _runtime.StartContainerAsync(id, Ct);

        Assert.Equal(RuntimeErrorCode.RunContainerError, started.Error?.Code);
        Assert.Contains("does not exist", started.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonexistent/bin/tool", "exec: \"/nonexistent/bin/tool\": No such file or directory")]
    [InlineData("ro-no-such-command", "exec: \"ro-no-such-command\": executable file not found in $PATH")]
    public async Task Start_MissingExecutable_IsRunContainerErrorWithTheReason(string command, string message)
    {
        string sandbox = await SandboxAsync();
        string id = Ok(await _runtime.CreateContainerAsync(sandbox, Container("c", [command]), Ct));

        RuntimeResult started = await _runtime.StartContainerAsync(id, Ct);

        Assert.Equal(new RuntimeError(RuntimeErrorCode.RunContainerError, message), started.Error);
        ContainerStatusInfo status = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        Assert.Equal((ContainerRunState.Exited, 128, "StartError", message), (status.State, status.ExitCode, status.Reason, status.Message));
    }

    [Fact]
    public async Task Start_FileWithoutExecutePermission_IsRunContainerError()
    {
        string sandbox = await SandboxAsync();
        string script = _directory.Combine("script.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho never\n", Ct);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string id = Ok(await _runtime.CreateContainerAsync(sandbox, Container("c", [script]), Ct));

        RuntimeResult started = await _runtime.StartContainerAsync(id, Ct);

        Assert.Equal(new RuntimeError(RuntimeErrorCode.RunContainerError, $"exec: \"{script}\": Permission denied"), started.Error);
    }

    [Fact]
    public async Task Create_NoCommand_IsCreateContainerError()
    {
        string sandbox = await SandboxAsync();

        RuntimeResult<string> created = await _runtime.CreateContainerAsync(sandbox, Container("c", [], args: ["--port", "80"]), Ct);

        Assert.Equal(
            new RuntimeError(RuntimeErrorCode.CreateContainerError, "the process runtime needs a command: no image is unpacked, so there is no entrypoint"),
            created.Error);
    }

    [Fact]
    public async Task Start_Twice_IsInvalidArgument()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sleep", "30"]));

        RuntimeResult again = await _runtime.StartContainerAsync(id, Ct);

        Assert.Equal(RuntimeErrorCode.InvalidArgument, again.Error?.Code);
    }

    [Fact]
    public async Task Start_Process_LeadsItsOwnSessionAndProcessGroup()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sleep", "30"]));

        int pid = _runtime.ProcessIdOf(id) ?? throw new InvalidOperationException("no pid");

        Assert.Equal((pid, pid), GroupAndSession(pid));
        Assert.NotEqual(GroupAndSession(Environment.ProcessId).Session, pid);
    }

    [Fact]
    public async Task Start_LongAndUnfinishedLines_AreSplitIntoPartialRecords()
    {
        string sandbox = await SandboxAsync();
        string script = "head -c 20000 /dev/zero | tr '\\0' x; echo; printf 'no newline'";

        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", script]));

        ContainerStatusInfo status = await WaitExitedAsync(id);
        Assert.Equal(
            [("stdout", "P", new string('x', 16 * 1024)), ("stdout", "F", new string('x', 20000 - (16 * 1024))), ("stdout", "P", "no newline")],
            await RecordsAsync(status.LogPath));
    }

    [Fact]
    public async Task Start_LogFollowedWhileRunning_ReaderSeesAllOutputAndStopsAtExit()
    {
        string sandbox = await SandboxAsync();
        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", "echo a; sleep 0.3; echo b"]));
        ContainerStatusInfo running = Ok(await _runtime.ContainerStatusAsync(id, Ct));
        using var output = new MemoryStream();
        var options = new CriLogReadOptions { Follow = true, PollInterval = TimeSpan.FromMilliseconds(20) };

        bool found = await CriLogReader.CopyToAsync(
            running.LogPath,
            options,
            output,
            async ct => (await _runtime.ContainerStatusAsync(id, ct)).Value?.State == ContainerRunState.Running,
            TimeProvider.System,
            Ct).WaitAsync(Bound, Ct);

        Assert.True(found);
        Assert.Equal("a\nb\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Start_MainProcessExits_RestOfItsGroupIsKilled()
    {
        string sandbox = await SandboxAsync();

        string id = await StartAsync(sandbox, Container("c", ["sh", "-c", "sleep 30 & echo $!"]));

        ContainerStatusInfo status = await WaitExitedAsync(id);
        Assert.Equal(0, status.ExitCode);
        int child = int.Parse((await RecordsAsync(status.LogPath)).Single().Content, CultureInfo.InvariantCulture);
        await AssertGoneAsync(child);
    }

    [Fact]
    public async Task UnknownIds_AnswerNotFoundOrOkAsTheCriAsks()
    {
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.ContainerStatusAsync("nope", Ct)).Error?.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.StartContainerAsync("nope", Ct)).Error?.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.StopContainerAsync("nope", TimeSpan.Zero, Ct)).Error?.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.PodSandboxStatusAsync("nope", Ct)).Error?.Code);
        Assert.Equal(RuntimeErrorCode.NotFound, (await _runtime.CreateContainerAsync("nope", Container("c", ["true"]), Ct)).Error?.Code);
        Assert.True((await _runtime.RemoveContainerAsync("nope", Ct)).IsOk);
        Assert.True((await _runtime.StopPodSandboxAsync("nope", Ct)).IsOk);
        Assert.True((await _runtime.RemovePodSandboxAsync("nope", Ct)).IsOk);
    }

    private async Task<string> SandboxAsync(string name = "pod")
    {
        var config = new PodSandboxConfig(
            "default", name, "uid-" + name, 0, name, _directory.Combine("logs", name),
            new Dictionary<string, string>(), new Dictionary<string, string>());
        return Ok(await _runtime.RunPodSandboxAsync(config, Ct));
    }

    private static ContainerConfig Container(
        string name,
        string[] command,
        string[]? args = null,
        (string Name, string Value)[]? env = null,
        string? workingDirectory = null) =>
        new(
            name,
            0,
            "docker.io/library/unused:1",
            command,
            args ?? [],
            (env ?? []).Select(e => KeyValuePair.Create(e.Name, e.Value)).ToList(),
            workingDirectory,
            ContainerLogPaths.Relative(name, 0),
            new Dictionary<string, string>());

    private async Task<string> StartAsync(string sandbox, ContainerConfig config)
    {
        string id = Ok(await _runtime.CreateContainerAsync(sandbox, config, Ct));
        RuntimeResult started = await _runtime.StartContainerAsync(id, Ct);
        Assert.True(started.IsOk, started.Error?.Message);
        return id;
    }

    private async Task<ContainerStatusInfo> WaitExitedAsync(string id)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            ContainerStatusInfo status = Ok(await _runtime.ContainerStatusAsync(id, Ct));
            if (status.State == ContainerRunState.Exited)
            {
                return status;
            }
            Assert.True(Stopwatch.GetElapsedTime(start) < Bound, $"container {id} did not exit within {Bound}");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The log's records, each checked against the CRI format.</summary>
    private static async Task<List<(string Stream, string Tag, string Content)>> RecordsAsync(string path)
    {
        var records = new List<(string, string, string)>();
        foreach (string line in await File.ReadAllLinesAsync(path, Ct))
        {
            Match match = CriRecord.Match(line);
            Assert.True(match.Success, $"not a CRI log record: {line}");
            records.Add((match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value));
        }
        return records;
    }

    /// <summary>Waits until a log has a record whose content satisfies <paramref name="match"/>; answers that content.</summary>
    private static async Task<string> WaitForLogAsync(string path, Func<string, bool> match)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            if (File.Exists(path))
            {
                foreach ((_, _, string content) in await RecordsAsync(path))
                {
                    if (match(content))
                    {
                        return content;
                    }
                }
            }
            Assert.True(Stopwatch.GetElapsedTime(start) < Bound, $"no matching line in {path} within {Bound}");
            await Task.Delay(20, Ct);
        }
    }

    private static T Ok<T>(RuntimeResult<T> result)
    {
        Assert.True(result.IsOk, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>The process group and session of a live process, from /proc/&lt;pid&gt;/stat.</summary>
    private static (int Group, int Session) GroupAndSession(int pid)
    {
        string[] fields = StatFields(pid) ?? throw new InvalidOperationException($"process {pid} is gone");
        return (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The fields after the command name of /proc/&lt;pid&gt;/stat (state first), or null when there is no such process.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    /// <summary>Dead: no such process, or a zombie waiting for its new parent to reap it.</summary>
    private static bool IsGone(int pid) => StatFields(pid) is not { } fields || fields[0] is "Z" or "X";

    private static async Task AssertGoneAsync(int pid)
    {
        long start = Stopwatch.GetTimestamp();
        while (!IsGone(pid))
        {
            Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(5), $"process {pid} is still alive");
            await Task.Delay(20, Ct);
        }
    }
}

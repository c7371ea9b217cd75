using System.Globalization;
using System.Text;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

public sealed partial class ProcessRuntime
{
    /// <summary>
    /// Runs <paramref name="command"/> as a host process with the container's environment and working directory, in
    /// its own process group, and waits for it; stdout and stderr are kept up to
    /// <see cref="ProcessRuntimeOptions.MaxExecOutputBytes"/> each. Past <paramref name="timeout"/> (none when zero) the
    /// group is killed and the answer is DeadlineExceeded.
    /// </summary>
    /// <remarks>
    /// A command that cannot be executed answers a result, not an error: exit code 127 (not found) or 126 (cannot
    /// execute) with the reason on stderr, as a shell reports it, so an exec probe simply fails and `kubectl exec`
    /// shows why.
    /// </remarks>
    public async Task<RuntimeResult<ExecResult>> ExecSyncAsync(
        string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (command.Count == 0)
        {
            return RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.InvalidArgument, "exec needs a command");
        }
        ProcessContainer? container;
        string workingDirectory;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_containers.TryGetValue(containerId, out container))
            {
                return RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.NotFound, $"no container {containerId}");
            }
            if (container.State != ContainerRunState.Running || container.WorkingDirectory is null)
            {
                return RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.InvalidArgument, $"container {containerId} is not running");
            }
            workingDirectory = container.WorkingDirectory;
        }
        IReadOnlyList<KeyValuePair<string, string>> environment = container.Config.Environment;
        string? executable = ExecutableLookup.Find(command[0], ExecutableLookup.PathVariable(environment), workingDirectory);
        if (executable is null)
        {
            return CannotExecute(127, $"exec: \"{command[0]}\": executable file not found in $PATH");
        }
        var output = new BoundedOutputCapture(_options.MaxExecOutputBytes);
        int error = ProcessSpawner.TrySpawn(new SpawnRequest(executable, command, environment, workingDirectory), out SpawnedChild spawned);
        if (error != 0)
        {
            return CannotExecute(error == LibC.NoSuchFile ? 127 : 126, $"exec: \"{command[0]}\": {LibC.Describe(error)}");
        }
        var process = new ChildProcess(spawned, output, _time, _options.OutputDrainTimeout, onExit: null);
        bool kill;
        lock (_lock)
        {
            container.Execs.Add(process);
            kill = _disposed || container.State != ContainerRunState.Running;
        }
        process.Start("process exec");
        if (kill)
        {
            _ = process.SignalGroup(LibC.SigKill);
        }
        try
        {
            ProcessExit exit;
            try
            {
                exit = timeout > TimeSpan.Zero
                    ? await process.Exited.WaitAsync(timeout, _time, cancellationToken)
                    : await process.Exited.WaitAsync(cancellationToken);
            }
            catch (TimeoutException)
            {
                _ = process.SignalGroup(LibC.SigKill);
                await process.Exited;
                return RuntimeResult<ExecResult>.Fail(
                    RuntimeErrorCode.DeadlineExceeded,
                    string.Create(CultureInfo.InvariantCulture, $"command \"{command[0]}\" timed out after {timeout.TotalSeconds}s"));
            }
            catch (OperationCanceledException)
            {
                _ = process.SignalGroup(LibC.SigKill);
                throw;
            }
            return exit.ExitCode is int code
                ? RuntimeResult<ExecResult>.Ok(new ExecResult(code, output.Stdout, output.Stderr))
                : RuntimeResult<ExecResult>.Fail(
                    RuntimeErrorCode.Unavailable, "the exit status was lost: another waiter reaped the process");
        }
        finally
        {
            lock (_lock)
            {
                container.Execs.Remove(process);
            }
        }
    }

    private static RuntimeResult<ExecResult> CannotExecute(int exitCode, string message) =>
        RuntimeResult<ExecResult>.Ok(new ExecResult(exitCode, [], Encoding.UTF8.GetBytes(message + "\n")));
}

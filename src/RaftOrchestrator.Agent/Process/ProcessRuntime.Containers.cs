using RaftOrchestrator.Agent.Logs;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

public sealed partial class ProcessRuntime
{
    /// <summary>The wording for a container without a command (the kubelet shows it as CreateContainerError).</summary>
    internal const string NoCommandMessage = "the process runtime needs a command: no image is unpacked, so there is no entrypoint";

    public Task<RuntimeResult<string>> CreateContainerAsync(string sandboxId, ContainerConfig config, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_sandboxes.TryGetValue(sandboxId, out ProcessSandbox? sandbox))
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.NotFound, $"no sandbox {sandboxId}"));
            }
            if (sandbox.State != PodSandboxState.Ready)
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.InvalidArgument, $"sandbox {sandboxId} is not ready"));
            }
            if (config.Command.Count == 0)
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.CreateContainerError, NoCommandMessage));
            }
            string logDirectory = Path.GetFullPath(sandbox.Config.LogDirectory);
            string logPath = Path.GetFullPath(Path.Combine(logDirectory, config.LogPath));
            string inside = Path.TrimEndingDirectorySeparator(logDirectory) + Path.DirectorySeparatorChar;
            if (!logPath.StartsWith(inside, StringComparison.Ordinal))
            {
                return Task.FromResult(RuntimeResult<string>.Fail(
                    RuntimeErrorCode.InvalidArgument, $"log path {config.LogPath} is not inside the sandbox's log directory"));
            }
            var container = new ProcessContainer(NewId(), sandboxId, config, logPath, _time.GetUtcNow());
            _containers.Add(container.Id, container);
            sandbox.ContainerIds.Add(container.Id);
            return Task.FromResult(RuntimeResult<string>.Ok(container.Id));
        }
    }

    public Task<RuntimeResult> StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ProcessContainer? container;
        ProcessSandbox sandbox;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_containers.TryGetValue(containerId, out container))
            {
                return Task.FromResult(RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"no container {containerId}"));
            }
            if (container.State != ContainerRunState.Created || container.Starting)
            {
                return Task.FromResult(RuntimeResult.Fail(
                    RuntimeErrorCode.InvalidArgument, $"container {containerId} is {container.State}: only a created container can start"));
            }
            sandbox = _sandboxes[container.SandboxId];
            if (sandbox.State != PodSandboxState.Ready)
            {
                return Task.FromResult(RuntimeResult.Fail(RuntimeErrorCode.InvalidArgument, $"sandbox {sandbox.Id} is not ready"));
            }
            container.Starting = true;
        }
        return Task.FromResult(Launch(container, sandbox));
    }

    public async Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ChildProcess? running;
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out ProcessContainer? container))
            {
                return RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"no container {containerId}");
            }
            running = container.State == ContainerRunState.Running ? container.Process : null;
        }
        if (running is not null)
        {
            await StopAsync(running, gracePeriod, cancellationToken);
        }
        return RuntimeResult.Ok;
    }

    /// <summary>Removes the container, killing it first if it still runs (the CRI's forcible removal). Its log stays.</summary>
    public async Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ChildProcess? running;
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out ProcessContainer? container))
            {
                return RuntimeResult.Ok;
            }
            running = container.State == ContainerRunState.Running ? container.Process : null;
        }
        if (running is not null)
        {
            await StopAsync(running, TimeSpan.Zero, cancellationToken);
        }
        ProcessContainer? removed;
        lock (_lock)
        {
            if (!_containers.Remove(containerId, out removed))
            {
                return RuntimeResult.Ok;
            }
            if (_sandboxes.TryGetValue(removed.SandboxId, out ProcessSandbox? sandbox))
            {
                sandbox.ContainerIds.Remove(containerId);
            }
        }
        Publish(removed, ContainerEventKind.Removed, _time.GetUtcNow());
        return RuntimeResult.Ok;
    }

    public Task<RuntimeResult<ContainerStatusInfo>> ContainerStatusAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_containers.TryGetValue(containerId, out ProcessContainer? container)
                ? RuntimeResult<ContainerStatusInfo>.Ok(container.ToStatus())
                : RuntimeResult<ContainerStatusInfo>.Fail(RuntimeErrorCode.NotFound, $"no container {containerId}"));
        }
    }

    public Task<IReadOnlyList<ContainerStatusInfo>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ContainerStatusInfo> list = _containers.Values
                .Where(container => sandboxId is null || string.Equals(container.SandboxId, sandboxId, StringComparison.Ordinal))
                .OrderBy(container => container.CreatedAt)
                .ThenBy(container => container.Id, StringComparer.Ordinal)
                .Select(container => container.ToStatus())
                .ToList();
            return Task.FromResult(list);
        }
    }

    /// <summary>
    /// SIGTERM to the group, up to <paramref name="gracePeriod"/> for it to exit, then SIGKILL; returns once it has exited.
    /// </summary>
    private async Task StopAsync(ChildProcess process, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (gracePeriod > TimeSpan.Zero && process.SignalGroup(LibC.SigTerm))
        {
            try
            {
                await process.Exited.WaitAsync(gracePeriod, _time, cancellationToken);
                return;
            }
            catch (TimeoutException)
            {
                // The grace period is over: kill.
            }
        }
        _ = process.SignalGroup(LibC.SigKill);
        await process.Exited.WaitAsync(cancellationToken);
    }

    /// <summary>Sets up the directories and the log file, resolves the executable and spawns; the container is Starting.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Reliability", "CA2000", Justification = "the log writer is disposed on every failure path here, else by the exit handler")]
    private RuntimeResult Launch(ProcessContainer container, ProcessSandbox sandbox)
    {
        ContainerConfig config = container.Config;
        string defaultDirectory = Path.Combine(sandbox.Directory, config.Name);
        string workingDirectory = string.IsNullOrEmpty(config.WorkingDirectory)
            ? defaultDirectory
            : Path.GetFullPath(config.WorkingDirectory, defaultDirectory);
        CriLogWriter? writer = null;
        try
        {
            if (string.IsNullOrEmpty(config.WorkingDirectory))
            {
                Directory.CreateDirectory(workingDirectory);
            }
            else if (!Directory.Exists(workingDirectory))
            {
                return StartFailed(container, $"working directory {workingDirectory} does not exist");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(container.LogPath)!);
            writer = CriLogWriter.Open(container.LogPath, _time, _options.MaxLogLineBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writer?.Dispose();
            return StartFailed(container, $"cannot set up the working directory or the log file: {e.Message}");
        }
        string command = config.Command[0];
        string? executable = ExecutableLookup.Find(command, ExecutableLookup.PathVariable(config.Environment), workingDirectory);
        if (executable is null)
        {
            writer.Dispose();
            return StartFailed(container, $"exec: \"{command}\": executable file not found in $PATH");
        }
        var request = new SpawnRequest(executable, [.. config.Command, .. config.Args], config.Environment, workingDirectory);
        int error = ProcessSpawner.TrySpawn(request, out SpawnedChild spawned);
        if (error != 0)
        {
            writer.Dispose();
            return StartFailed(container, $"exec: \"{command}\": {LibC.Describe(error)}");
        }
        CriLogWriter log = writer;
        var process = new ChildProcess(
            spawned, new ContainerLogSink(log), _time, _options.OutputDrainTimeout, exit => OnExited(container, log, exit));
        DateTimeOffset startedAt = _time.GetUtcNow();
        bool kill;
        lock (_lock)
        {
            container.Starting = false;
            container.State = ContainerRunState.Running;
            container.StartedAt = startedAt;
            container.WorkingDirectory = workingDirectory;
            container.Process = process;
            kill = _disposed || sandbox.State != PodSandboxState.Ready;
        }
        // Started before the pump runs, so it precedes Exited on the channel.
        Publish(container, ContainerEventKind.Started, startedAt);
        process.Start($"process {config.Name}");
        if (kill)
        {
            _ = process.SignalGroup(LibC.SigKill);
        }
        return RuntimeResult.Ok;
    }

    private RuntimeResult StartFailed(ProcessContainer container, string message)
    {
        lock (_lock)
        {
            container.Starting = false;
            container.State = ContainerRunState.Exited;
            container.FinishedAt = _time.GetUtcNow();
            container.ExitCode = 128;
            container.Reason = "StartError";
            container.Message = message;
        }
        return RuntimeResult.Fail(RuntimeErrorCode.RunContainerError, message);
    }

    /// <summary>The pump's exit handler: the log is complete; record the exit, end the container's execs, publish.</summary>
    private void OnExited(ProcessContainer container, CriLogWriter log, ProcessExit exit)
    {
        log.Dispose();
        List<ChildProcess> execs;
        lock (_lock)
        {
            container.State = ContainerRunState.Exited;
            container.FinishedAt = exit.At;
            container.ExitCode = exit.ExitCode;
            container.Reason = exit.ExitCode == 0 ? "Completed" : "Error";
            container.Message = log.Fault is { } fault
                ? $"writing the container log failed, later output was dropped: {fault.Message}"
                : exit.IsLost ? "the exit status was lost: another waiter reaped the process" : null;
            execs = [.. container.Execs];
        }
        foreach (ChildProcess exec in execs)
        {
            _ = exec.SignalGroup(LibC.SigKill);
        }
        Publish(container, ContainerEventKind.Exited, exit.At);
    }
}

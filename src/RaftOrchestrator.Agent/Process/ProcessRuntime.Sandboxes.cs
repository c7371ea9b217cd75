using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

public sealed partial class ProcessRuntime
{
    /// <summary>Records the sandbox and creates its log directory and its own directory.</summary>
    public Task<RuntimeResult<string>> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(config.LogDirectory))
        {
            return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.InvalidArgument, "the sandbox needs a log directory"));
        }
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
        string id = NewId();
        string directory = Path.Combine(_options.RootDirectory, id);
        try
        {
            Directory.CreateDirectory(config.LogDirectory);
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(RuntimeResult<string>.Fail(
                RuntimeErrorCode.SandboxError, $"cannot create the directories of sandbox {config.Namespace}/{config.Name}: {e.Message}"));
        }
        var sandbox = new ProcessSandbox(id, config, directory, _time.GetUtcNow());
        lock (_lock)
        {
            _sandboxes.Add(id, sandbox);
        }
        return Task.FromResult(RuntimeResult<string>.Ok(id));
    }

    /// <summary>The sandbox becomes NotReady (no more containers) and its running containers are killed.</summary>
    public async Task<RuntimeResult> StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var running = new List<ChildProcess>();
        lock (_lock)
        {
            if (!_sandboxes.TryGetValue(sandboxId, out ProcessSandbox? sandbox))
            {
                return RuntimeResult.Ok;
            }
            sandbox.State = PodSandboxState.NotReady;
            foreach (string containerId in sandbox.ContainerIds)
            {
                ProcessContainer container = _containers[containerId];
                if (container.State == ContainerRunState.Running && container.Process is { } process)
                {
                    running.Add(process);
                }
            }
        }
        await Task.WhenAll(running.Select(process => StopAsync(process, TimeSpan.Zero, cancellationToken)));
        return RuntimeResult.Ok;
    }

    /// <summary>Stops the sandbox, deletes its directory (working directories included), then forgets it and its containers.</summary>
    public async Task<RuntimeResult> RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        RuntimeResult stopped = await StopPodSandboxAsync(sandboxId, cancellationToken);
        if (!stopped.IsOk)
        {
            return stopped;
        }
        ProcessSandbox? sandbox;
        lock (_lock)
        {
            if (!_sandboxes.TryGetValue(sandboxId, out sandbox))
            {
                return RuntimeResult.Ok;
            }
        }
        try
        {
            if (Directory.Exists(sandbox.Directory))
            {
                Directory.Delete(sandbox.Directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RuntimeResult.Fail(RuntimeErrorCode.SandboxError, $"cannot delete the directory of sandbox {sandboxId}: {e.Message}");
        }
        var removed = new List<ProcessContainer>();
        lock (_lock)
        {
            foreach (string containerId in sandbox.ContainerIds)
            {
                removed.Add(_containers[containerId]);
                _containers.Remove(containerId);
            }
            sandbox.ContainerIds.Clear();
            _sandboxes.Remove(sandboxId);
        }
        DateTimeOffset now = _time.GetUtcNow();
        foreach (ProcessContainer container in removed)
        {
            Publish(container, ContainerEventKind.Removed, now);
        }
        return RuntimeResult.Ok;
    }

    public Task<RuntimeResult<PodSandboxStatus>> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_sandboxes.TryGetValue(sandboxId, out ProcessSandbox? sandbox)
                ? RuntimeResult<PodSandboxStatus>.Ok(new PodSandboxStatus(sandbox.Id, sandbox.State, _options.HostIp, sandbox.CreatedAt))
                : RuntimeResult<PodSandboxStatus>.Fail(RuntimeErrorCode.NotFound, $"no sandbox {sandboxId}"));
        }
    }
}

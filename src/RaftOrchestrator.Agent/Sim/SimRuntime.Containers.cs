using System.Globalization;
using System.Text;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Sim;

public sealed partial class SimRuntime
{
    private static readonly byte[] s_execFailure = Encoding.UTF8.GetBytes("simulated exec failure\n");

    public Task<RuntimeResult<string>> CreateContainerAsync(string sandboxId, ContainerConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_sandboxes.TryGetValue(sandboxId, out SimSandbox? sandbox))
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.NotFound, $"pod sandbox {sandboxId} not found"));
            }
            if (sandbox.State != PodSandboxState.Ready)
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.InvalidArgument, $"pod sandbox {sandboxId} is not ready"));
            }
            if (string.IsNullOrEmpty(config.Name))
            {
                return Task.FromResult(RuntimeResult<string>.Fail(RuntimeErrorCode.CreateContainerError, "a container needs a name"));
            }
            var container = new SimContainer(NewId("ct", ++_nextId), sandbox, config, _time.GetUtcNow());
            _containers.Add(container.Id, container);
            return Task.FromResult(RuntimeResult<string>.Ok(container.Id));
        }
    }

    /// <summary>Takes the start latency, then runs the container (and, at the failure rate, arms its exit with code 1).</summary>
    public async Task<RuntimeResult> StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        TimeSpan latency;
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out SimContainer? created))
            {
                return RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"container {containerId} not found");
            }
            if (created.State != ContainerRunState.Created || created.Starting)
            {
                return RuntimeResult.Fail(RuntimeErrorCode.InvalidArgument, $"container {containerId} is {created.State}, not created");
            }
            created.Starting = true;
            latency = _options.StartLatency.Sample(_random);
        }
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _time, cancellationToken);
        }
        SimContainer container;
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out SimContainer? found) || found.Removed)
            {
                return RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"container {containerId} was removed while starting");
            }
            container = found;
            container.Starting = false;
            container.State = ContainerRunState.Running;
            container.StartedAt = _time.GetUtcNow();
            Publish(container, ContainerEventKind.Started);
            if (_options.FailureRate > 0 && _random.NextDouble() < _options.FailureRate)
            {
                container.ExitTimer = _time.CreateTimer(_ => Failed(container), null, _options.FailAfter, Timeout.InfiniteTimeSpan);
            }
        }
        await WriteLogLineAsync(container, cancellationToken);
        return RuntimeResult.Ok;
    }

    /// <summary>
    /// SIGTERM, simulated: the container exits 0 after the stop latency when that is within the grace period, else it
    /// is killed at the end of the grace period (137). A container that is not running is already stopped.
    /// </summary>
    public async Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        bool killed;
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out SimContainer? container))
            {
                return RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"container {containerId} not found");
            }
            if (container.State != ContainerRunState.Running)
            {
                return RuntimeResult.Ok;
            }
            killed = _options.StopLatency > gracePeriod;
        }
        TimeSpan wait = killed ? gracePeriod : _options.StopLatency;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        lock (_lock)
        {
            if (_containers.TryGetValue(containerId, out SimContainer? container))
            {
                if (killed)
                {
                    Exit(container, 137, "Error", "killed after the grace period");
                }
                else
                {
                    Exit(container, 0, "Completed", null);
                }
            }
        }
        return RuntimeResult.Ok;
    }

    /// <summary>Removes a container (killed first if it runs). Idempotent, as CRI's: an unknown id is not an error.</summary>
    public Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_containers.TryGetValue(containerId, out SimContainer? container))
            {
                RemoveLocked(container);
            }
            return Task.FromResult(RuntimeResult.Ok);
        }
    }

    public Task<RuntimeResult<ContainerStatusInfo>> ContainerStatusAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_containers.TryGetValue(containerId, out SimContainer? container)
                ? RuntimeResult<ContainerStatusInfo>.Ok(container.Status)
                : RuntimeResult<ContainerStatusInfo>.Fail(RuntimeErrorCode.NotFound, $"container {containerId} not found"));
        }
    }

    public Task<IReadOnlyList<ContainerStatusInfo>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ContainerStatusInfo> list = [.. _containers.Values
                .Where(c => sandboxId is null || c.Sandbox.Id == sandboxId)
                .OrderBy(c => c.CreatedAt)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => c.Status)];
            return Task.FromResult(list);
        }
    }

    /// <summary>Answers at once: exit code 0, or 1 at the exec failure rate; a container that is not running cannot exec.</summary>
    public Task<RuntimeResult<ExecResult>> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_containers.TryGetValue(containerId, out SimContainer? container))
            {
                return Task.FromResult(RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.NotFound, $"container {containerId} not found"));
            }
            if (container.State != ContainerRunState.Running)
            {
                return Task.FromResult(RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.InvalidArgument, $"container {containerId} is not running"));
            }
            bool fails = _options.ExecFailureRate > 0 && _random.NextDouble() < _options.ExecFailureRate;
            return Task.FromResult(RuntimeResult<ExecResult>.Ok(fails ? new ExecResult(1, [], s_execFailure) : new ExecResult(0, [], [])));
        }
    }

    /// <summary>The failure timer: the container exits with code 1, unless it stopped first.</summary>
    private void Failed(SimContainer container)
    {
        lock (_lock)
        {
            if (!container.Removed)
            {
                Exit(container, 1, "Error", "simulated failure");
            }
        }
    }

    /// <summary>One CRI log line (`2026-01-02T03:04:05.123456700Z stdout F ...`) at the container's log path; best effort.</summary>
    private async Task WriteLogLineAsync(SimContainer container, CancellationToken cancellationToken)
    {
        if (!_options.WriteLogs || string.IsNullOrEmpty(container.Sandbox.Config.LogDirectory) || string.IsNullOrEmpty(container.Config.LogPath))
        {
            return;
        }
        string path = Path.Combine(container.Sandbox.Config.LogDirectory, container.Config.LogPath);
        string stamp = (container.StartedAt ?? _time.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.AppendAllTextAsync(path, $"{stamp} stdout F simulated container {container.Config.Name} started (attempt {container.Config.Attempt})\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // no log is no failure: the container still runs
        }
    }
}

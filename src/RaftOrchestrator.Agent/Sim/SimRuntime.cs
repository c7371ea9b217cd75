using System.Globalization;
using System.Threading.Channels;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Sim;

/// <summary>
/// The `sim` runtime (kwok-style, for `rorch agent --runtime sim`): sandboxes and containers are records, no
/// process runs. A start takes the configured latency; a container then "runs" until stopped, or (at the failure
/// rate) exits with code 1 after <see cref="SimRuntimeOptions.FailAfter"/>; execs answer 0 (or 1 at the exec
/// failure rate); each start may append one CRI-format line to the container's log file.
/// </summary>
/// <remarks>
/// <see cref="_lock"/> guards the sandbox and container tables, every <see cref="SimSandbox"/> and
/// <see cref="SimContainer"/>, the id counter and <see cref="_random"/>; nothing awaits while holding it. Events go
/// to an unbounded channel read by one consumer (the agent's event loop), written under the lock so they keep the
/// order of the changes.
/// </remarks>
public sealed partial class SimRuntime : IContainerRuntime
{
    private readonly SimRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private readonly Dictionary<string, SimSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimContainer> _containers = new(StringComparer.Ordinal);
    private readonly Channel<ContainerEvent> _events = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Random _random;
    private long _nextId;
    private bool _disposed;

    public SimRuntime(SimRuntimeOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new SimRuntimeOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _random = new Random(_options.Seed);
    }

    public string Name => "sim";

    public string Version => "0.1.0";

    public IAsyncEnumerable<ContainerEvent> Events(CancellationToken cancellationToken) => _events.Reader.ReadAllAsync(cancellationToken);

    public Task<RuntimeResult<string>> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long n = ++_nextId;
            // 10.88.0.0/16 (the CNI bridge's default range), skipping the .0 and .255 of each /24.
            long host = n % 254;
            string ip = string.Create(CultureInfo.InvariantCulture, $"10.88.{n / 254 % 256}.{host + 1}");
            var sandbox = new SimSandbox(NewId("sb", n), config, ip, _time.GetUtcNow());
            _sandboxes.Add(sandbox.Id, sandbox);
            return Task.FromResult(RuntimeResult<string>.Ok(sandbox.Id));
        }
    }

    public Task<RuntimeResult> StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_sandboxes.TryGetValue(sandboxId, out SimSandbox? sandbox))
            {
                return Task.FromResult(RuntimeResult.Fail(RuntimeErrorCode.NotFound, $"pod sandbox {sandboxId} not found"));
            }
            foreach (SimContainer container in _containers.Values.Where(c => c.Sandbox == sandbox))
            {
                Exit(container, 137, "Error", "killed with its sandbox");
            }
            sandbox.State = PodSandboxState.NotReady;
            return Task.FromResult(RuntimeResult.Ok);
        }
    }

    /// <summary>Removes the sandbox and its containers (killed first). Idempotent, as CRI's: an unknown id is not an error.</summary>
    public Task<RuntimeResult> RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_sandboxes.Remove(sandboxId, out SimSandbox? sandbox))
            {
                foreach (SimContainer container in _containers.Values.Where(c => c.Sandbox == sandbox).ToArray())
                {
                    RemoveLocked(container);
                }
            }
            return Task.FromResult(RuntimeResult.Ok);
        }
    }

    public Task<RuntimeResult<PodSandboxStatus>> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_sandboxes.TryGetValue(sandboxId, out SimSandbox? sandbox)
                ? RuntimeResult<PodSandboxStatus>.Ok(sandbox.Status)
                : RuntimeResult<PodSandboxStatus>.Fail(RuntimeErrorCode.NotFound, $"pod sandbox {sandboxId} not found"));
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }
            _disposed = true;
            foreach (SimContainer container in _containers.Values)
            {
                container.ExitTimer?.Dispose();
                container.ExitTimer = null;
            }
            _events.Writer.TryComplete();
        }
        return ValueTask.CompletedTask;
    }

    private static string NewId(string kind, long n) => string.Create(CultureInfo.InvariantCulture, $"sim-{kind}-{n:x8}");

    /// <summary>Ends a running container with the given outcome and reports it. Under <see cref="_lock"/>.</summary>
    private void Exit(SimContainer container, int exitCode, string reason, string? message)
    {
        if (container.State != ContainerRunState.Running)
        {
            return;
        }
        container.ExitTimer?.Dispose();
        container.ExitTimer = null;
        container.State = ContainerRunState.Exited;
        container.FinishedAt = _time.GetUtcNow();
        container.ExitCode = exitCode;
        container.Reason = reason;
        container.Message = message;
        Publish(container, ContainerEventKind.Exited);
    }

    /// <summary>Kills (if running) and forgets a container. Under <see cref="_lock"/>.</summary>
    private void RemoveLocked(SimContainer container)
    {
        Exit(container, 137, "Error", "killed on removal");
        container.Removed = true;
        _containers.Remove(container.Id);
        Publish(container, ContainerEventKind.Removed);
    }

    private void Publish(SimContainer container, ContainerEventKind kind) =>
        _events.Writer.TryWrite(new ContainerEvent(container.Id, container.Sandbox.Id, kind, _time.GetUtcNow()));
}

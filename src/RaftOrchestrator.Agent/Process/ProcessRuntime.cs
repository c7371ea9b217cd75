using System.Threading.Channels;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// The <c>process</c> runtime, like Nomad's raw_exec: every container is a real host process, started with exactly
/// the command, args, environment and working directory of its config, in its own session and process group; its
/// stdout and stderr go to its CRI-format log file as they arrive. No image is unpacked, so a container needs a command.
/// </summary>
/// <remarks>
/// <para>
/// Isolation is none: containers share the host's filesystem, network (every sandbox's IP is
/// <see cref="ProcessRuntimeOptions.HostIp"/>), users and limits. A sandbox is a record and a directory.
/// </para>
/// <para>
/// Lifecycle: create keeps the config (Created); start spawns (Running, a Started event); the process exiting (on
/// its own or stopped) kills the rest of its group, records the exit code (128 + n for signal n), reason "Completed"
/// (0) or "Error", and FinishedAt, then publishes Exited, after its output is in the log file. Stop sends SIGTERM to
/// the group, waits the grace period, then SIGKILL; it returns when the process has exited. A start that fails (no
/// such executable, no permission) answers RunContainerError and leaves the container Exited with code 128 and
/// reason "StartError" (as containerd does), without an Exited event: the caller has the answer.
/// </para>
/// <para>
/// Idempotence as the CRI asks: stopping or removing a sandbox or container that is gone, or stopping one that is not
/// running, is Ok; status, start and exec of an unknown id are NotFound. Log files are left for the agent to remove.
/// </para>
/// <para>
/// Locking: <c>_lock</c> guards the sandbox and container maps and every mutable member of
/// <see cref="ProcessSandbox"/> and <see cref="ProcessContainer"/>. It is never held across an await, a spawn or a
/// file operation; it may be held while signalling a child (kill(2) does not block), so the order is
/// <c>_lock</c> before a <see cref="ChildProcess"/>'s signal lock, never the reverse (a pump reaps under its signal
/// lock, releases it, and only then takes <c>_lock</c> in the exit handler).
/// </para>
/// </remarks>
public sealed partial class ProcessRuntime : IContainerRuntime
{
    public const string RuntimeName = "process";

    public const string RuntimeVersion = "0.1.0";

    private readonly ProcessRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<ContainerEvent> _events =
        Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProcessSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessContainer> _containers = new(StringComparer.Ordinal);
    private bool _disposed;

    public ProcessRuntime(ProcessRuntimeOptions options, TimeProvider time)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The process runtime needs Linux (posix_spawn with a new session, pidfd).");
        }
        _options = options;
        _time = time;
        Directory.CreateDirectory(options.RootDirectory);
    }

    public string Name => RuntimeName;

    public string Version => RuntimeVersion;

#pragma warning disable VSTHRD200 // the interface's name: a stream of events for the runtime's lifetime
    public IAsyncEnumerable<ContainerEvent> Events(CancellationToken cancellationToken) =>
        _events.Reader.ReadAllAsync(cancellationToken);
#pragma warning restore VSTHRD200

    /// <summary>Kills (SIGKILL) every process this runtime started that is still running and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        var children = new List<ChildProcess>();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (ProcessContainer container in _containers.Values)
            {
                if (container.State == ContainerRunState.Running && container.Process is { } process)
                {
                    children.Add(process);
                }
                children.AddRange(container.Execs);
            }
        }
        foreach (ChildProcess child in children)
        {
            _ = child.SignalGroup(LibC.SigKill);
        }
        await Task.WhenAll(children.Select(child => child.Exited));
        _events.Writer.TryComplete();
    }

    /// <summary>Test hook: the pid (and process group id) of a running container's main process.</summary>
    internal int? ProcessIdOf(string containerId)
    {
        lock (_lock)
        {
            return _containers.TryGetValue(containerId, out ProcessContainer? container) ? container.Process?.Pid : null;
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private void Publish(ProcessContainer container, ContainerEventKind kind, DateTimeOffset at) =>
        _events.Writer.TryWrite(new ContainerEvent(container.Id, container.SandboxId, kind, at));
}

using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// One container of the process runtime: Created, then (started) Running with its <see cref="Process"/>, then
/// Exited, never back. Mutable members are guarded by the runtime's lock.
/// </summary>
internal sealed class ProcessContainer(string id, string sandboxId, ContainerConfig config, string logPath, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string SandboxId { get; } = sandboxId;

    public ContainerConfig Config { get; } = config;

    /// <summary>The log file: the sandbox's log directory joined with the config's relative path.</summary>
    public string LogPath { get; } = logPath;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public ContainerRunState State { get; set; } = ContainerRunState.Created;

    /// <summary>A start is under way (the state is still Created): a second start is refused.</summary>
    public bool Starting { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>Set when it starts; execs run there too.</summary>
    public string? WorkingDirectory { get; set; }

    public ChildProcess? Process { get; set; }

    /// <summary>Execs still running in it: killed when the container exits, as a container's execs end with it.</summary>
    public HashSet<ChildProcess> Execs { get; } = [];

    public ContainerStatusInfo ToStatus() => new(
        Id, SandboxId, Config.Name, Config.Attempt, State, CreatedAt, StartedAt, FinishedAt, ExitCode, Reason, Message,
        Config.Image, LogPath);
}

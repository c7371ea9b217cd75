namespace RaftOrchestrator.Agent.Runtime;

/// <summary>A container as the runtime last saw it (CRI's ContainerStatus). Times are UTC; unset ones are null.</summary>
public sealed record ContainerStatusInfo(
    string Id,
    string SandboxId,
    string Name,
    int Attempt,
    ContainerRunState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    string? Reason,
    string? Message,
    string Image,
    string LogPath);

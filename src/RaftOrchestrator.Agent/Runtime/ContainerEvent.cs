namespace RaftOrchestrator.Agent.Runtime;

/// <summary>A lifecycle event of one container.</summary>
public sealed record ContainerEvent(string ContainerId, string SandboxId, ContainerEventKind Kind, DateTimeOffset At);

public enum ContainerEventKind
{
    Started,
    Exited,
    Removed,
}

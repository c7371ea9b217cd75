namespace RaftOrchestrator.Agent.Runtime;

/// <summary>A sandbox as the runtime sees it.</summary>
public sealed record PodSandboxStatus(string Id, PodSandboxState State, string? Ip, DateTimeOffset CreatedAt);

public enum PodSandboxState
{
    Ready,
    NotReady,
}

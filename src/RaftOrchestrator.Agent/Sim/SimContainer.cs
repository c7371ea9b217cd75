using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Sim;

/// <summary>A simulated container. Mutable fields are guarded by the runtime's lock.</summary>
internal sealed class SimContainer(string id, SimSandbox sandbox, ContainerConfig config, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public SimSandbox Sandbox { get; } = sandbox;

    public ContainerConfig Config { get; } = config;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public ContainerRunState State { get; set; } = ContainerRunState.Created;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>A start is under way (waiting out the start latency).</summary>
    public bool Starting { get; set; }

    public bool Removed { get; set; }

    /// <summary>The timer of a failing container's exit; disposed when the container stops first.</summary>
    public ITimer? ExitTimer { get; set; }

    public ContainerStatusInfo Status => new(Id, Sandbox.Id, Config.Name, Config.Attempt, State, CreatedAt, StartedAt, FinishedAt, ExitCode, Reason, Message,
        Config.Image, Config.LogPath);
}

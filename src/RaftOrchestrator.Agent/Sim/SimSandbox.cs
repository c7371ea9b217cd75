using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Sim;

/// <summary>A simulated pod sandbox: its config, state and IP. Mutable fields are guarded by the runtime's lock.</summary>
internal sealed class SimSandbox(string id, PodSandboxConfig config, string ip, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public PodSandboxConfig Config { get; } = config;

    public string Ip { get; } = ip;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public PodSandboxState State { get; set; } = PodSandboxState.Ready;

    public PodSandboxStatus Status => new(Id, State, Ip, CreatedAt);
}

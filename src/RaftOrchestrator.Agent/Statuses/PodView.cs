using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// What the pod worker knows of one pod, the input of <see cref="PodStatusBuilder"/>: the pod as the API last showed
/// it, its sandbox and addresses, and every container. <see cref="Terminal"/> is true once the worker has stopped the
/// pod for good (deleted, or every container done): then no container will run again whatever the restart policy.
/// <see cref="Reason"/> and <see cref="Message"/> are the pod's own (status.reason: DeadlineExceeded), when the agent
/// failed the pod as a whole; the phase is then Failed.
/// </summary>
public sealed record PodView(
    Pod Pod,
    bool SandboxReady,
    string? PodIP,
    string HostIP,
    DateTime StartTime,
    IReadOnlyList<ContainerView> InitContainers,
    IReadOnlyList<ContainerView> Containers,
    bool Terminal,
    string RuntimeName,
    string? Reason = null,
    string? Message = null);

using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// One container as the pod worker knows it, for the status: its current attempt (<see cref="Current"/>, as the
/// runtime last reported it), the exited attempt before that (<see cref="Previous"/>: lastState), and the Waiting
/// reason the agent holds it in, if any (CrashLoopBackOff, CreateContainerConfigError, ...).
/// </summary>
public sealed record ContainerView(
    Container Spec,
    ContainerStatusInfo? Current,
    ContainerStatusInfo? Previous,
    int RestartCount,
    string? WaitingReason,
    string? WaitingMessage,
    bool Started,
    bool Ready)
{
    /// <summary>Exited with code 0 (an init container that is done).</summary>
    public bool Succeeded => Current is { State: ContainerRunState.Exited, ExitCode: 0 } && WaitingReason is null;

    public bool Running => Current is { State: ContainerRunState.Running } && WaitingReason is null;

    /// <summary>The last attempt that exited: the current one if it has, else the one before.</summary>
    public ContainerStatusInfo? LastExited => Current is { State: ContainerRunState.Exited } ? Current : Previous;
}

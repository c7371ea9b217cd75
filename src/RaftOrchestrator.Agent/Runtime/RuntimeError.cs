namespace RaftOrchestrator.Agent.Runtime;

/// <summary>An expected runtime failure. <see cref="Message"/> is for people (container status messages, events).</summary>
public sealed record RuntimeError(RuntimeErrorCode Code, string Message);

public enum RuntimeErrorCode
{
    NotFound,
    InvalidArgument,
    /// <summary>The container cannot be created from its config (the kubelet's CreateContainerError / CreateContainerConfigError).</summary>
    CreateContainerError,
    /// <summary>It was created but would not start (the kubelet's RunContainerError: no such executable, permission).</summary>
    RunContainerError,
    /// <summary>The sandbox could not be set up.</summary>
    SandboxError,
    DeadlineExceeded,
    Unavailable,
}

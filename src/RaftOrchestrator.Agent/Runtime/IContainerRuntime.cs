namespace RaftOrchestrator.Agent.Runtime;

/// <summary>
/// The agent's runtime seam, shaped like the CRI RuntimeService: pod sandboxes, then containers inside them. The
/// agent's pod workers are the only callers; a runtime holds no Kubernetes objects, only what the configs carry.
/// </summary>
/// <remarks>
/// Expected outcomes (not found, cannot create, exec timed out) are <see cref="RuntimeResult"/> values, never
/// exceptions; an exception means a bug or a broken host. Every method may be called concurrently for different
/// sandboxes and containers; calls for one container come from one pod worker at a time. Ids are opaque strings
/// unique within the runtime's lifetime. A container that exits on its own is reported on <see cref="Events"/>
/// (and by <see cref="ContainerStatusAsync"/>); the runtime never restarts a container: restart policy is the
/// agent's. Log files are in the CRI format (`2026-01-02T03:04:05.123456789Z stdout F text`), one per container
/// attempt, at <see cref="ContainerConfig.LogPath"/> under <see cref="PodSandboxConfig.LogDirectory"/>.
/// </remarks>
public interface IContainerRuntime : IAsyncDisposable
{
    /// <summary>"process", "sim", later "oci": reported in the node's status.nodeInfo.containerRuntimeVersion.</summary>
    string Name { get; }

    string Version { get; }

    /// <summary>Container lifecycle events (started, exited, removed); single reader: the agent's event loop.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "VSTHRD200", Justification = "a stream, not an awaitable: CRI's GetContainerEvents")]
    IAsyncEnumerable<ContainerEvent> Events(CancellationToken cancellationToken);

    Task<RuntimeResult<string>> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken);

    /// <summary>Stops every container of the sandbox (SIGKILL: graceful stops happen per container first) and its sandbox.</summary>
    Task<RuntimeResult> StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    Task<RuntimeResult> RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    Task<RuntimeResult<PodSandboxStatus>> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (does not start) a container. A config the runtime cannot run (no command on the process runtime: there
    /// is no image to read an entrypoint from) answers <see cref="RuntimeErrorCode.CreateContainerError"/> with a message.
    /// </summary>
    Task<RuntimeResult<string>> CreateContainerAsync(string sandboxId, ContainerConfig config, CancellationToken cancellationToken);

    Task<RuntimeResult> StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>SIGTERM (to the container's process group), then SIGKILL once <paramref name="gracePeriod"/> has passed.</summary>
    Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    Task<RuntimeResult<ContainerStatusInfo>> ContainerStatusAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The containers of one sandbox, or of all when <paramref name="sandboxId"/> is null.</summary>
    Task<IReadOnlyList<ContainerStatusInfo>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken);

    /// <summary>Runs a command in the container's context (exec probes, `kubectl exec` later) and waits for it.</summary>
    Task<RuntimeResult<ExecResult>> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);
}

using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// A pod sandbox of the process runtime: only a record and a directory, as the containers share the host's
/// namespaces. Mutable members are guarded by the runtime's lock.
/// </summary>
internal sealed class ProcessSandbox(string id, PodSandboxConfig config, string directory, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public PodSandboxConfig Config { get; } = config;

    /// <summary>Where the default working directories of its containers are.</summary>
    public string Directory { get; } = directory;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public PodSandboxState State { get; set; } = PodSandboxState.Ready;

    public HashSet<string> ContainerIds { get; } = new(StringComparer.Ordinal);
}

namespace RaftOrchestrator.Agent.Runtime;

/// <summary>
/// One container attempt as the runtime runs it (CRI's ContainerConfig): the command and args already resolved by
/// the agent (Kubernetes' $(VAR) expansion done), the environment already built (env, envFrom, downward API),
/// <see cref="LogPath"/> relative to the sandbox's log directory (&lt;container&gt;/&lt;attempt&gt;.log).
/// </summary>
public sealed record ContainerConfig(
    string Name,
    int Attempt,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? WorkingDirectory,
    string LogPath,
    IReadOnlyDictionary<string, string> Labels);

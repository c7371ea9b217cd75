namespace RaftOrchestrator.Agent.Env;

/// <summary>
/// A container's environment, resolved, or why it could not be: <see cref="Error"/> is the message the container's
/// Waiting state (reason CreateContainerConfigError) and the Failed event carry, in the kubelet's words.
/// </summary>
public sealed record EnvResolution(IReadOnlyList<KeyValuePair<string, string>> Variables, string? Error)
{
    public bool IsOk => Error is null;

    public static EnvResolution Failed(string error) => new([], error);
}

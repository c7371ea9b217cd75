using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Which log a `kubectl logs` request reads, or why there is none: <see cref="ContainerLogOutcome.NotFound"/> (the
/// agent runs no such pod or the pod has no such container: the kubelet's 404) or
/// <see cref="ContainerLogOutcome.Unavailable"/> (the container has no log to show yet: the kubelet's 400), with
/// the kubelet's message.
/// </summary>
public sealed record ContainerLogTarget(ContainerLogOutcome Outcome, string Message, ContainerStatusInfo? Container = null, string? Path = null)
{
    public static ContainerLogTarget NotFound(string message) => new(ContainerLogOutcome.NotFound, message);

    public static ContainerLogTarget Unavailable(string message) => new(ContainerLogOutcome.Unavailable, message);

    /// <summary>The attempt <paramref name="container"/>, whose log file is <paramref name="path"/> (absolute).</summary>
    public static ContainerLogTarget Found(ContainerStatusInfo container, string path) => new(ContainerLogOutcome.Found, "", container, path);
}

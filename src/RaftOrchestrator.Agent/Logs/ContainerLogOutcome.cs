namespace RaftOrchestrator.Agent.Logs;

/// <summary>The result kinds of a container log lookup (see <see cref="ContainerLogTarget"/>).</summary>
public enum ContainerLogOutcome
{
    Found,
    NotFound,
    Unavailable,
}

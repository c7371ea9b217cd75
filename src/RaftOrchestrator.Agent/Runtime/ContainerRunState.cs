namespace RaftOrchestrator.Agent.Runtime;

public enum ContainerRunState
{
    Created,
    Running,
    Exited,
    Unknown,
}

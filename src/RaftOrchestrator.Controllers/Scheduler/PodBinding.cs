namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>One decision to bind: the pod (with its uid as a precondition) and the node.</summary>
public sealed record PodBinding(string Namespace, string Name, string? Uid, string NodeName)
{
    public override string ToString() => $"{Namespace}/{Name} -> {NodeName}";
}

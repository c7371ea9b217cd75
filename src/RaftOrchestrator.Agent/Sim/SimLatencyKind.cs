namespace RaftOrchestrator.Agent.Sim;

public enum SimLatencyKind
{
    Fixed,
    Uniform,
    Exponential,
}

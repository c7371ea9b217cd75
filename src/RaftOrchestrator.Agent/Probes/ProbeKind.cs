namespace RaftOrchestrator.Agent.Probes;

public enum ProbeKind
{
    Startup,
    Liveness,
    Readiness,
}

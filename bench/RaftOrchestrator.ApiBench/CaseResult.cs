namespace RaftOrchestrator.ApiBench;

/// <summary>One request case (create, get or list) in one format against one replica role.</summary>
internal sealed record CaseResult(
    string Case,
    string Format,
    string Target,
    int Clients,
    int Ops,
    int Errors,
    double Seconds,
    double OpsPerSecond,
    LatencySummary Latency,
    string? FirstError)
{
    public static CaseResult From(string name, WireFormat format, string target, int clients, LoopResult loop) =>
        new(name, format.Name(), target, clients, loop.Ops, loop.Errors, loop.Seconds, loop.OpsPerSecond, loop.Latency, loop.FirstError);
}

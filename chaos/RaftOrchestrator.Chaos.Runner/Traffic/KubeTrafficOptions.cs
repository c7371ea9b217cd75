namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>The Kubernetes load: Deployments in one namespace, one mutation and one snapshot every Interval.</summary>
internal sealed record KubeTrafficOptions
{
    public string Namespace { get; init; } = "chaos";

    public int Deployments { get; init; } = 3;

    public int InitialReplicas { get; init; } = 2;

    public int MaxReplicas { get; init; } = 5;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>`rorch sim-nodes --count`.</summary>
    public int SimNodes { get; init; } = 20;
}

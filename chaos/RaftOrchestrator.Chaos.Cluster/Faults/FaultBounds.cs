namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>Bounds of a plan's fault durations and of the quiet gaps before each fault.</summary>
public sealed record FaultBounds
{
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan MinGap { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(3);
}

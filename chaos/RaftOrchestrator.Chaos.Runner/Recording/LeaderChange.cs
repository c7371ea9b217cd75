namespace RaftOrchestrator.Chaos.Runner.Recording;

/// <summary>A leader the runner's poller saw take over (null: none answered as leader), at seconds of the run's clock.</summary>
internal sealed record LeaderChange(double Seconds, string? Leader);

namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>
/// One fault as it happened, for the report's timeline: what, on whom, when it was injected and healed, who led before
/// and after (null: none found within the bound), and the error if the fault or its heal failed.
/// </summary>
public sealed record FaultRecord(
    int Step,
    string Name,
    string Target,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? LeaderBefore,
    string? LeaderAfter,
    string? Error);

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>The verdict for one key: how many operations took part, how many model steps the search took, and on
/// failure the excerpt that shows it.</summary>
public sealed record KeyCheckResult(string Key, VerdictStatus Status, int Operations, long Steps, string? Excerpt = null);

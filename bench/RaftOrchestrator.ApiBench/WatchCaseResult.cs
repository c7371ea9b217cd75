namespace RaftOrchestrator.ApiBench;

/// <summary>One watch fan-out case: watchers on <see cref="Target"/>, updates written through the leader.</summary>
internal sealed record WatchCaseResult(string Format, string Target, WatchResult Result);

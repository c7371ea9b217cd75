namespace RaftOrchestrator.ApiBench;

/// <summary>The shape of one watch fan-out case.</summary>
internal sealed record WatchSettings(int Watchers, int Updates, int ValueSize, TimeSpan UpdateTimeout, TimeSpan MaxDuration)
{
    /// <summary>Watches opened at a time: a thousand connects at once only queue in the listen backlog.</summary>
    public int OpenConcurrency { get; init; } = 64;
}

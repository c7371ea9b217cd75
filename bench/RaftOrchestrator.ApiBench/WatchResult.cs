namespace RaftOrchestrator.ApiBench;

/// <summary>
/// What a watch fan-out measured. <see cref="AllDelivered"/>: per update, send to the last watcher's decode (only
/// updates every watcher received); <see cref="PerEvent"/>: per (watcher, update), send to that watcher's decode.
/// </summary>
internal sealed record WatchResult(
    int Watchers,
    int Updates,
    int Sent,
    long Delivered,
    long Expected,
    int TimedOutUpdates,
    int RepeatedEvents,
    double SetupSeconds,
    double Seconds,
    double EventsPerSecond,
    LatencySummary AllDelivered,
    LatencySummary PerEvent,
    string? Error)
{
    public static WatchResult Failed(WatchSettings settings, string error) =>
        new(settings.Watchers, settings.Updates, 0, 0, 0, 0, 0, 0, 0, 0, LatencySummary.Of([]), LatencySummary.Of([]), error);
}

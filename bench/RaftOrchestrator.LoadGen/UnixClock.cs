namespace RaftOrchestrator.LoadGen;

/// <summary>Wall-clock helpers: unix microseconds (comparable with bash's $EPOCHREALTIME) and gRPC deadlines.</summary>
internal static class UnixClock
{
    public static long NowMicros() =>
        (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>A gRPC deadline <paramref name="timeout"/> from now, or none.</summary>
    public static DateTime? Deadline(TimeSpan? timeout) =>
        timeout is { } t ? TimeProvider.System.GetUtcNow().UtcDateTime + t : null;
}

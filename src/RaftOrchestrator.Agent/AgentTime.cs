namespace RaftOrchestrator.Agent;

/// <summary>
/// Timestamps as the API carries them. Times (conditions, container states, startTime) are RFC 3339 seconds on the
/// JSON wire, so the agent truncates them before it compares or writes: a status read back through either encoding
/// then equals the one computed, and "write only when changed" holds. Lease renew times are MicroTime.
/// </summary>
public static class AgentTime
{
    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Seconds(time.GetUtcNow().UtcDateTime);
    }

    public static DateTime Seconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static DateTime Seconds(DateTimeOffset value) => Seconds(value.UtcDateTime);

    /// <summary>Now to the microsecond (metav1.MicroTime: lease acquire and renew times).</summary>
    public static DateTime MicroNow(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        DateTime now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Utc);
    }
}

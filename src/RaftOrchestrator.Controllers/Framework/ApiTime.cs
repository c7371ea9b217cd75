namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// Clock reads at the precision of meta/v1 Time (whole seconds, UTC): a condition's transition time written with
/// ticks would read back different from the API, so a write that changes nothing would look like a change.
/// </summary>
public static class ApiTime
{
    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Seconds(time.GetUtcNow().UtcDateTime);
    }

    public static DateTime Seconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

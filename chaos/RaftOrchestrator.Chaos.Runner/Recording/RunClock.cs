namespace RaftOrchestrator.Chaos.Runner.Recording;

/// <summary>
/// The one monotonic clock of a run: every invoke, return and watch receipt is stamped with <see cref="Now"/>
/// (TimeProvider timestamps since the run began), so their order is comparable across clients and threads. Wall
/// times (the fault timeline's) map onto it through the wall time taken at the same instant as the origin.
/// </summary>
internal sealed class RunClock
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly DateTimeOffset _originWall;

    public RunClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _origin = time.GetTimestamp();
        _originWall = time.GetUtcNow();
    }

    public TimeProvider Time => _time;

    /// <summary>Ticks since the origin (<see cref="TimeProvider.TimestampFrequency"/> per second); never decreases.</summary>
    public long Now() => _time.GetTimestamp() - _origin;

    public double Seconds(long ticks) => ticks / (double)_time.TimestampFrequency;

    public double Seconds(DateTimeOffset wall) => (wall - _originWall).TotalSeconds;

    public double Milliseconds(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / _time.TimestampFrequency;
}

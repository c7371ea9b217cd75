using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>
/// The restart back-off of one container (the kubelet's flowcontrol.Backoff keyed by pod and container). Example
/// with base 10 s, max 5 min: the first exit restarts at once and arms 10 s; the next exit waits until 10 s after it
/// finished, then arms 20 s; then 40 s, ... 5 min. An exit more than twice the maximum (10 min) after the last
/// restart's exit starts again from the base: a container that ran that long is not crash-looping.
/// </summary>
/// <remarks>Used by its pod worker's loop only: no locking.</remarks>
public sealed class CrashLoopBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private DateTimeOffset? _lastExit;

    public CrashLoopBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
    }

    /// <summary>The back-off armed by the last restart (zero before any).</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>When a container that exited at <paramref name="exitedAt"/> may restart; null: now.</summary>
    public DateTimeOffset? WaitUntil(DateTimeOffset exitedAt, DateTimeOffset now)
    {
        if (_lastExit is null || Expired(exitedAt))
        {
            return null;
        }
        DateTimeOffset until = exitedAt + Current;
        return now < until ? until : null;
    }

    /// <summary>Records a restart after an exit at <paramref name="exitedAt"/>: arms the base, or doubles (up to the maximum).</summary>
    public void Next(DateTimeOffset exitedAt)
    {
        Current = _lastExit is null || Expired(exitedAt) ? _initial : TimeSpan.FromTicks(Math.Min(Current.Ticks * 2, _max.Ticks));
        _lastExit = exitedAt;
    }

    private bool Expired(DateTimeOffset exitedAt) => exitedAt - _lastExit!.Value > _max * 2;

    /// <summary>A duration as Go prints it ("10s", "1m20s", "5m0s"), as the kubelet's back-off messages show it.</summary>
    public static string Format(TimeSpan value)
    {
        var text = new StringBuilder();
        if (value.TotalHours >= 1)
        {
            text.Append(((long)value.TotalHours).ToString(CultureInfo.InvariantCulture)).Append('h');
        }
        if (value.TotalMinutes >= 1)
        {
            text.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }
        double seconds = value.Seconds + (value.Milliseconds / 1000.0);
        text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        return text.ToString();
    }
}

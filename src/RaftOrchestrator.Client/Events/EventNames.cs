namespace RaftOrchestrator.Client.Events;

/// <summary>
/// Event names as Kubernetes makes them, "&lt;involved-name&gt;.&lt;hex Unix nanoseconds&gt;", with the nanoseconds
/// made strictly increasing per recorder so two events at one clock reading (a coarse or fake clock) never collide.
/// Thread-safe.
/// </summary>
internal sealed class EventNames
{
    private long _last;

    public string Next(string involvedName, DateTime at)
    {
        long nanos = (at.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        while (true)
        {
            long last = Volatile.Read(ref _last);
            long next = Math.Max(nanos, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return $"{involvedName}.{next:x}";
            }
        }
    }
}

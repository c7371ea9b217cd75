namespace RaftOrchestrator.Client.Events;

/// <summary>
/// A token bucket: starts full with <c>burst</c> tokens and regains one per refill interval, never above the burst.
/// Time is the events' occurrence time; a step back in time refills nothing. Not thread-safe: the writer loop owns it.
/// </summary>
internal sealed class TokenBucket(int burst, TimeSpan refillInterval, DateTime now)
{
    private double _tokens = burst;
    private DateTime _last = now;

    public bool TryTake(DateTime now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(burst, _tokens + (now - _last) / refillInterval);
            _last = now;
        }
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}

namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// An overall token bucket shared by every key (client-go's BucketRateLimiter over golang.org/x/time/rate): the
/// bucket holds up to <c>burst</c> tokens and refills at <c>ratePerSecond</c>; each <see cref="When"/> takes one
/// token, borrowing against the future when the bucket is empty, and the delay is the time until that token exists.
/// It bounds a controller's total retry rate when many keys fail at once. Keeps no per-key state.
/// Thread-safe: <see cref="_gate"/> guards the token count.
/// </summary>
public sealed class BucketRateLimiter<TKey> : IRateLimiter<TKey> where TKey : notnull
{
    /// <summary>client-go's default: ten retries a second overall once the burst is spent.</summary>
    public const double DefaultRatePerSecond = 10;

    /// <summary>client-go's default burst: a hundred retries before the rate applies.</summary>
    public const int DefaultBurst = 100;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _ratePerSecond;
    private readonly int _burst;
    private double _tokens;
    private long _last;

    public BucketRateLimiter(TimeProvider time, double ratePerSecond = DefaultRatePerSecond, int burst = DefaultBurst)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratePerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _ratePerSecond));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _ratePerSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int Requeues(TKey key) => 0;
}

namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// Per-key exponential backoff: the n-th failure of a key (from 0) waits base × 2ⁿ, capped at the maximum
/// (client-go's ItemExponentialFailureRateLimiter). With the defaults: 5 ms, 10 ms, 20 ms, … reaching the 1000 s
/// cap after 18 failures. Thread-safe: <see cref="_gate"/> guards the failure counts.
/// </summary>
public sealed class ItemExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey> where TKey : notnull
{
    /// <summary>The first retry of a failed key: short, so a conflict on a busy object is retried at once.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest wait: a key that keeps failing is still retried about every 16 minutes.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(1000);

    private readonly object _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public ItemExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
    }

    public ItemExponentialFailureRateLimiter()
        : this(DefaultBaseDelay, DefaultMaxDelay)
    {
    }

    public TimeSpan When(TKey key)
    {
        int exponent;
        lock (_gate)
        {
            exponent = _failures.GetValueOrDefault(key);
            _failures[key] = exponent + 1;
        }
        // In doubles: 2^exponent overflows a long long before a key could fail that often, the cap holds it.
        double ticks = _baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int Requeues(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }
}

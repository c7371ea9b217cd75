namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// The longest delay of several limiters (client-go's MaxOfRateLimiter): every limiter sees every call, so each
/// keeps its own count; <see cref="Requeues"/> is the largest count.
/// </summary>
public sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey> where TKey : notnull
{
    private readonly IRateLimiter<TKey>[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Length);
        _limiters = [.. limiters];
    }

    public TimeSpan When(TKey key)
    {
        TimeSpan longest = TimeSpan.Zero;
        foreach (IRateLimiter<TKey> limiter in _limiters)
        {
            TimeSpan delay = limiter.When(key);
            longest = delay > longest ? delay : longest;
        }
        return longest;
    }

    public void Forget(TKey key)
    {
        foreach (IRateLimiter<TKey> limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int Requeues(TKey key) => _limiters.Max(l => l.Requeues(key));
}

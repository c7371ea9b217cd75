namespace RaftOrchestrator.Client.Queues;

/// <summary>Makes the standard rate limiters.</summary>
public static class RateLimiters
{
    /// <summary>
    /// client-go's DefaultControllerRateLimiter: the longer of per-key exponential backoff (5 ms doubling to
    /// 1000 s) and an overall token bucket (10 per second, burst 100).
    /// </summary>
    public static IRateLimiter<TKey> DefaultController<TKey>(TimeProvider time) where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(new ItemExponentialFailureRateLimiter<TKey>(), new BucketRateLimiter<TKey>(time));
}

namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// How long a key waits before it is handed out again after a failure (client-go's workqueue.RateLimiter). The
/// work queue asks <see cref="When"/> on every <see cref="IWorkQueue{TKey}.AddRateLimited"/>. Implementations are
/// thread-safe.
/// </summary>
public interface IRateLimiter<TKey> where TKey : notnull
{
    /// <summary>The delay for this key now; a per-key limiter counts the call as one more failure.</summary>
    TimeSpan When(TKey key);

    /// <summary>Stops tracking the key (its next failure starts from the base delay).</summary>
    void Forget(TKey key);

    /// <summary>Failures counted for the key since its last <see cref="Forget"/>.</summary>
    int Requeues(TKey key);
}

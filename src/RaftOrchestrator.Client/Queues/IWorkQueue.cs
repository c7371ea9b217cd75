namespace RaftOrchestrator.Client.Queues;

/// <summary>
/// client-go's rate-limited work queue. Fair (first in, first out), stingy (a key added many times before it is
/// taken is processed once) and exclusive (a key is never handed to two workers at once: one added while it is
/// being processed is handed out again after <see cref="Done"/>).
/// </summary>
public interface IWorkQueue<TKey> where TKey : notnull
{
    /// <summary>Keys waiting (not counting ones in flight or delayed).</summary>
    int Length { get; }

    bool IsShuttingDown { get; }

    void Add(TKey key);

    void AddAfter(TKey key, TimeSpan delay);

    /// <summary>Adds after the rate limiter's delay for this key (exponential per-key backoff).</summary>
    void AddRateLimited(TKey key);

    /// <summary>Clears the key's backoff (after a successful reconcile).</summary>
    void Forget(TKey key);

    /// <summary>How many times the key was rate-limited since its last <see cref="Forget"/>.</summary>
    int Requeues(TKey key);

    /// <summary>Waits for the next key; <c>HasItem</c> is false once the queue is shut down (and, when draining, drained).</summary>
    ValueTask<QueueItem<TKey>> TakeAsync(CancellationToken cancellationToken);

    /// <summary>Marks a taken key finished; if it was added meanwhile it becomes available again.</summary>
    void Done(TKey key);

    /// <summary>Stops handing out keys at once; keys in flight may still call Done.</summary>
    void ShutDown();

    /// <summary>Stops accepting keys, lets workers take what is queued, and waits for every key in flight to be Done.</summary>
    Task ShutDownWithDrainAsync(CancellationToken cancellationToken);
}

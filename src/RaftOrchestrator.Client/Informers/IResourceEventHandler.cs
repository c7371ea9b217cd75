namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// Notifications from an informer's cache, delivered in order on one thread per handler. Handlers only enqueue
/// keys (level-based controllers never act on the delta itself) and must not block. Objects are the cache's:
/// read-only.
/// </summary>
public interface IResourceEventHandler<in T> where T : class
{
    void OnAdd(T value);

    void OnUpdate(T previous, T current);

    /// <summary>The last state the cache knew; after a relist that missed the deletion it may be stale.</summary>
    void OnDelete(T value);
}

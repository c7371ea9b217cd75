namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// A cache of one kind kept current by list-then-watch (relist on 410 Gone), with indexes, a lister and handlers.
/// Shared: many controllers read one informer per kind through the factory.
/// </summary>
public interface IInformer<T> where T : class
{
    ILister<T> Lister { get; }

    /// <summary>True once the first list has been applied to the cache and delivered to the handlers.</summary>
    bool HasSynced { get; }

    /// <summary>The revision the cache reflects (the last list's or the last event's).</summary>
    string LastSyncResourceVersion { get; }

    /// <summary>Adds a custom index; allowed before and after start (existing objects are indexed at once).</summary>
    void AddIndex(string name, Func<T, IEnumerable<string>> keys);

    /// <summary>
    /// Registers a handler. Objects already cached are delivered to it as adds first. A resync period (null: none)
    /// redelivers every cached object as an update (previous == current) at that interval. Dispose to unregister.
    /// </summary>
    IDisposable AddHandler(IResourceEventHandler<T> handler, TimeSpan? resync = null);
}

using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// A cache of one kind kept current by a reflector (list, then watch from the list's revision; relist on 410 Gone),
/// with an <see cref="Indexer{T}"/>, a <see cref="Lister{T}"/> and handlers that each get the cache's changes in
/// order on their own loop. <see cref="RunAsync"/> runs the reflector until cancelled (the factory starts it).
/// </summary>
/// <remarks>
/// Lock order: <see cref="_delivery"/>, then the indexer's lock. <see cref="_delivery"/> makes "change the cache,
/// then enqueue the change to every handler" one step, and registering a handler (with adds for what is cached) and
/// a resync snapshot steps of the same sequence, so each handler sees the cache's history in order, never an older
/// state after a newer one. Enqueueing never blocks, so the lock is held only briefly.
/// </remarks>
public sealed partial class Informer<T> : IInformer<T>, IRunnableInformer where T : class, IKubernetesObject, new()
{
    private readonly object _delivery = new();
    private readonly List<HandlerRegistration<T>> _handlers = [];
    private readonly IResourceClient<T> _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerOptions _options;
    private readonly Indexer<T> _indexer = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _resource;
    private volatile string _lastSyncResourceVersion = "";
    private bool _stopped;

    public Informer(IResourceClient<T> client, TimeProvider time, ILogger logger, InformerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _time = time;
        _logger = logger;
        _options = options ?? new InformerOptions();
        _resource = client.Descriptor.QualifiedPlural;
        Lister = new Lister<T>(_indexer);
    }

    public ILister<T> Lister { get; }

    /// <summary>The store itself (the lister's source), for components that keep their own indexes on it.</summary>
    public Indexer<T> Indexer => _indexer;

    public bool HasSynced => _synced.Task.IsCompleted;

    public string LastSyncResourceVersion => _lastSyncResourceVersion;

    public void AddIndex(string name, Func<T, IEnumerable<string>> keys) => _indexer.AddIndex(name, keys);

    public IDisposable AddHandler(IResourceEventHandler<T> handler, TimeSpan? resync = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var registration = new HandlerRegistration<T>(handler, Unregister, _logger, _resource);
        lock (_delivery)
        {
            foreach (T value in _indexer.List())
            {
                registration.Enqueue(CacheChange.Added(value));
            }
            if (_stopped)
            {
                registration.Complete();
                return registration;
            }
            _handlers.Add(registration);
        }
        if (resync is { } period && period > TimeSpan.Zero)
        {
            registration.StartResync(_time, period, Resync);
        }
        return registration;
    }

    /// <summary>Completes when the first list has been applied and its changes enqueued to every handler; false if cancelled first.</summary>
    public async Task<bool> WaitForSyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _synced.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A list's result: the cache becomes exactly the list, handlers get the differences.</summary>
    private void ApplyList(List<T> items, string resourceVersion)
    {
        int changes;
        lock (_delivery)
        {
            IReadOnlyList<CacheChange<T>> delta = _indexer.Replace(items);
            changes = delta.Count;
            foreach (CacheChange<T> change in delta)
            {
                Notify(change);
            }
            _lastSyncResourceVersion = resourceVersion;
        }
        _synced.TrySetResult();
        InformerLog.Listed(_logger, _resource, items.Count, resourceVersion, changes);
    }

    /// <summary>An added or modified object from the watch.</summary>
    private void ApplyUpsert(T value, string resourceVersion)
    {
        lock (_delivery)
        {
            T? previous = _indexer.Upsert(value);
            Notify(previous is null ? CacheChange.Added(value) : CacheChange.Updated(previous, value));
            _lastSyncResourceVersion = resourceVersion;
        }
    }

    /// <summary>A deleted object from the watch; handlers get the event's (latest) state.</summary>
    private void ApplyDelete(T value, string resourceVersion)
    {
        lock (_delivery)
        {
            if (_indexer.Remove(ObjectKey.Of(value)) is not null)
            {
                Notify(CacheChange.Deleted(value));
            }
            _lastSyncResourceVersion = resourceVersion;
        }
    }

    private void Notify(CacheChange<T> change)
    {
        foreach (HandlerRegistration<T> handler in _handlers)
        {
            handler.Enqueue(change);
        }
    }

    /// <summary>A resync tick of one handler: every cached object again, as an update from itself to itself.</summary>
    private void Resync(HandlerRegistration<T> registration)
    {
        if (!HasSynced)
        {
            return;
        }
        lock (_delivery)
        {
            if (!_handlers.Contains(registration))
            {
                return;
            }
            foreach (T value in _indexer.List())
            {
                registration.Enqueue(CacheChange.Updated(value, value));
            }
        }
    }

    private void Unregister(HandlerRegistration<T> registration)
    {
        lock (_delivery)
        {
            _handlers.Remove(registration);
        }
    }

    /// <summary>The reflector stopped: handlers deliver what they hold, then their loops end.</summary>
    private void StopHandlers()
    {
        lock (_delivery)
        {
            _stopped = true;
            foreach (HandlerRegistration<T> handler in _handlers)
            {
                handler.Complete();
            }
            _handlers.Clear();
        }
    }
}

using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.ClusterTesting;

/// <summary>
/// An informer over <see cref="IndexedStoreLister{T}"/> that delivers only the events a test fires: for checking
/// which keys a controller's handlers enqueue, and that its indexes are the ones its reconciler reads.
/// </summary>
internal sealed class IndexedInformer<T>(InMemoryClusterClient client) : IInformer<T> where T : class, IKubernetesObject, new()
{
    private readonly IndexedStoreLister<T> _lister = new(client);
    private readonly List<IResourceEventHandler<T>> _handlers = [];

    public ILister<T> Lister => _lister;

    public bool HasSynced => true;

    public string LastSyncResourceVersion => "0";

    public void AddIndex(string name, Func<T, IEnumerable<string>> keys) => _lister.AddIndex(name, keys);

    public IDisposable AddHandler(IResourceEventHandler<T> handler, TimeSpan? resync = null)
    {
        _handlers.Add(handler);
        return new Registration(() => _handlers.Remove(handler));
    }

    public void Added(T value) => Fire(h => h.OnAdd(value));

    public void Updated(T previous, T current) => Fire(h => h.OnUpdate(previous, current));

    public void Deleted(T value) => Fire(h => h.OnDelete(value));

    private void Fire(Action<IResourceEventHandler<T>> deliver)
    {
        foreach (IResourceEventHandler<T> handler in _handlers.ToArray())
        {
            deliver(handler);
        }
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

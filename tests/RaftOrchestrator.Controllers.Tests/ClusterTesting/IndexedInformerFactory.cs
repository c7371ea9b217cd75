using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.ClusterTesting;

/// <summary>Hands out <see cref="IndexedInformer{T}"/>s, one per kind, over one in-memory client.</summary>
internal sealed class IndexedInformerFactory(InMemoryClusterClient client) : ISharedInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public IInformer<T> For<T>() where T : class, IKubernetesObject, new() => Get<T>();

    public IndexedInformer<T> Get<T>() where T : class, IKubernetesObject, new()
    {
        if (!_informers.TryGetValue(typeof(T), out object? informer))
        {
            informer = new IndexedInformer<T>(client);
            _informers[typeof(T)] = informer;
        }
        return (IndexedInformer<T>)informer;
    }

    public void Start(CancellationToken cancellationToken)
    {
    }

    public Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}

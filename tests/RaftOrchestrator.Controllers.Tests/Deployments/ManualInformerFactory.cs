using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>
/// An informer factory whose informers read the in-memory store and deliver only the events a test fires
/// (<see cref="ManualInformer{T}.Fire"/>): for testing which keys a controller's handlers enqueue.
/// </summary>
internal sealed class ManualInformerFactory(InMemoryClusterClient client) : ISharedInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public IInformer<T> For<T>() where T : class, IKubernetesObject, new() => Get<T>();

    public ManualInformer<T> Get<T>() where T : class, IKubernetesObject, new()
    {
        if (!_informers.TryGetValue(typeof(T), out object? informer))
        {
            informer = new ManualInformer<T>(new StoreLister<T>(client));
            _informers[typeof(T)] = informer;
        }
        return (ManualInformer<T>)informer;
    }

    public void Start(CancellationToken cancellationToken)
    {
    }

    public Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}

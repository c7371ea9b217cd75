using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Informers;

/// <summary>One informer per kind (all namespaces), shared by every controller of a process.</summary>
public interface ISharedInformerFactory
{
    /// <summary>The informer of a kind, made on first request; started at once when the factory is running.</summary>
    IInformer<T> For<T>() where T : class, IKubernetesObject, new();

    /// <summary>Starts every informer asked for so far (and later ones as they are asked for).</summary>
    void Start(CancellationToken cancellationToken);

    /// <summary>Waits until every started informer has synced; false if cancelled first.</summary>
    Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken);
}

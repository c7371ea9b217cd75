using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// An informer handler that only enqueues keys: the keys <paramref name="keys"/> maps an object to (its own key,
/// its controller owner's, the services selecting a pod...). Adds, updates and deletes all enqueue — level-based
/// reconcilers read the current state themselves. Updates enqueue the keys of both versions, so an object that
/// moved (a relabelled pod) wakes its old and new owners.
/// </summary>
public sealed class EnqueueHandler<T>(IWorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>> keys) : IResourceEventHandler<T>
    where T : class, IKubernetesObject
{
    public void OnAdd(T value) => Enqueue(value);

    public void OnUpdate(T previous, T current)
    {
        Enqueue(current);
        if (!ReferenceEquals(previous, current))
        {
            Enqueue(previous);
        }
    }

    public void OnDelete(T value) => Enqueue(value);

    private void Enqueue(T value)
    {
        foreach (ObjectKey key in keys(value))
        {
            queue.Add(key);
        }
    }
}

/// <summary>Makes <see cref="EnqueueHandler{T}"/>s.</summary>
public static class EnqueueHandler
{
    /// <summary>Enqueues the object's own key.</summary>
    public static EnqueueHandler<T> Self<T>(IWorkQueue<ObjectKey> queue) where T : class, IKubernetesObject =>
        new(queue, value => [ObjectKey.Of(value)]);
}

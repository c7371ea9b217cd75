using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>Enqueues an object's own key when it is deleted, and ignores adds and updates (the writer's own echoes).</summary>
internal sealed class DeletionHandler<T>(IWorkQueue<ObjectKey> queue) : IResourceEventHandler<T> where T : class, IKubernetesObject
{
    public void OnAdd(T value)
    {
    }

    public void OnUpdate(T previous, T current)
    {
    }

    public void OnDelete(T value) => queue.Add(ObjectKey.Of(value));
}

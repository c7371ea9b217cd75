using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// Queues a pod when it is bound to a node (added bound, or its nodeName changed), so a pod placed on a node that
/// is already not ready is marked not ready too. Other pod updates are the agent's business: marking them again on
/// every status write would fight an agent that is alive but reports its node not ready.
/// </summary>
internal sealed class PodBindingHandler(IWorkQueue<ObjectKey> queue) : IResourceEventHandler<Pod>
{
    public void OnAdd(Pod value)
    {
        if (!string.IsNullOrEmpty(value.Spec.NodeName))
        {
            queue.Add(ObjectKey.Of(value));
        }
    }

    public void OnUpdate(Pod previous, Pod current)
    {
        if (!string.IsNullOrEmpty(current.Spec.NodeName) && current.Spec.NodeName != previous.Spec.NodeName)
        {
            queue.Add(ObjectKey.Of(current));
        }
    }

    public void OnDelete(Pod value)
    {
    }
}

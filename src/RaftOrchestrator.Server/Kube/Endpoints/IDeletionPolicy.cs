using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>
/// Graceful deletion of a kind: when it returns true the object was marked (deletionTimestamp, grace period,
/// phase) and is written back instead of deleted; something else finishes the deletion later (the node agent for
/// a pod, the namespace controller for a namespace). Objects with finalizers are handled generically.
/// </summary>
public interface IDeletionPolicy<T> where T : class, IKubernetesObject, new()
{
    bool BeginGracefulDeletion(T value, DeleteOptions options, DateTime now);

    /// <summary>
    /// True while something of the kind's own, beyond metadata.finalizers, keeps a marked object (a namespace's
    /// spec.finalizers): an update that removes the last metadata finalizer then does not delete it.
    /// </summary>
    bool HoldsDeletion(T value) => false;
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// The pod informer's handler of one replica kind: it records what the cache observed against the owners'
/// <see cref="ControllerExpectations"/> and enqueues the owners a change concerns. A pod with a controller
/// reference of this kind maps to that owner (its old owner too, when the reference changed); an orphan maps to
/// every owner of its namespace whose selector matches it, which may adopt it.
/// </summary>
/// <remarks>
/// A pod that turns terminating counts as deleted at once (the owner should replace it without waiting for the
/// grace period), and so does a pod first seen already terminating (after a restart), which must not count as a
/// creation.
/// </remarks>
internal sealed class ReplicaPodHandler<TOwner>(IReplicaOwnerKind<TOwner> kind, ILister<TOwner> owners, ControllerExpectations expectations, IWorkQueue<ObjectKey> queue)
    : IResourceEventHandler<Pod>
    where TOwner : class, IKubernetesObject, new()
{
    public void OnAdd(Pod value)
    {
        if (value.Metadata.DeletionTimestamp is not null)
        {
            OnDelete(value);
            return;
        }
        if (OwnerOf(value) is { } owner)
        {
            expectations.CreationObserved(owner.Key, owner.Uid);
            queue.Add(owner.Key);
            return;
        }
        EnqueueMatchingOwners(value);
    }

    public void OnUpdate(Pod previous, Pod current)
    {
        if (ReferenceEquals(previous, current) || previous.Metadata.ResourceVersion == current.Metadata.ResourceVersion)
        {
            return;   // a resync: nothing changed, and every owner resyncs on its own informer
        }
        bool labelsChanged = !DictionaryEquality.Equal(previous.Metadata.Labels, current.Metadata.Labels);
        if (current.Metadata.DeletionTimestamp is not null)
        {
            OnDelete(current);
            if (labelsChanged)
            {
                OnDelete(previous);
            }
            return;
        }
        (ObjectKey Key, string Uid)? before = OwnerOf(previous), now = OwnerOf(current);
        if (before is { } old && old != now)
        {
            queue.Add(old.Key);
        }
        if (now is { } owner)
        {
            queue.Add(owner.Key);
        }
        else if (labelsChanged || before is not null)
        {
            EnqueueMatchingOwners(current);
        }
    }

    public void OnDelete(Pod value)
    {
        if (OwnerOf(value) is { } owner)
        {
            expectations.DeletionObserved(owner.Key, owner.Uid, PodKey(value));
            queue.Add(owner.Key);
        }
    }

    public static string PodKey(Pod pod) => ObjectKey.Of(pod).ToString();

    /// <summary>The controlling owner, when it is of this kind (matched by kind, as Kubernetes does).</summary>
    private (ObjectKey Key, string Uid)? OwnerOf(Pod pod) =>
        ControllerRefs.ControllerOf(pod) is { } reference && reference.Kind == kind.Kind
            ? (new ObjectKey(pod.Metadata.Namespace, reference.Name), reference.Uid)
            : null;

    private void EnqueueMatchingOwners(Pod pod)
    {
        foreach (TOwner owner in owners.List(pod.Metadata.Namespace ?? ""))
        {
            if (kind.TryGetSelector(owner, out var selector, out _) && !selector.IsEmpty && selector.Matches(pod.Metadata.Labels))
            {
                queue.Add(ObjectKey.Of(owner));
            }
        }
    }
}

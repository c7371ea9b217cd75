using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// Turns one kind's informer events into graph work (Kubernetes' processGraphChanges, without a graph copy):
/// <list type="bullet">
/// <item>an object with owner references, or whose foreground or orphan deletion is pending, is reconciled
/// itself when it appears, when its references or deletion state change, and on resync;</item>
/// <item>a change of references also wakes the owners it names before and after (one may be waiting for it);</item>
/// <item>a deletion wakes its dependents (their owner is gone) and its owners (a blocking dependent is gone).</item>
/// </list>
/// Status-only updates of an object without references enqueue nothing.
/// </summary>
internal sealed class GraphChangeHandler<T>(IKindMonitor monitor, DependencyGraph graph) : IResourceEventHandler<T>
    where T : class, IKubernetesObject
{
    public void OnAdd(T value)
    {
        if (NeedsAttention(value.Metadata))
        {
            Enqueue(value.Metadata);
        }
    }

    public void OnUpdate(T previous, T current)
    {
        ObjectMeta before = previous.Metadata, now = current.Metadata;
        bool resync = ReferenceEquals(previous, current) || before.ResourceVersion == now.ResourceVersion;
        bool referencesChanged = !SameReferences(before.OwnerReferences, now.OwnerReferences);
        bool stateChanged = (before.DeletionTimestamp is null) != (now.DeletionTimestamp is null)
            || DeletionFinalizers.IsDeletingDependents(before) != DeletionFinalizers.IsDeletingDependents(now)
            || DeletionFinalizers.IsOrphaning(before) != DeletionFinalizers.IsOrphaning(now);
        if ((resync || referencesChanged || stateChanged) && (NeedsAttention(now) || NeedsAttention(before)))
        {
            Enqueue(now);
        }
        if (referencesChanged)
        {
            graph.EnqueueOwners(before);
            graph.EnqueueOwners(now);
        }
    }

    public void OnDelete(T value)
    {
        if (value.Metadata.Uid is { Length: > 0 } uid)
        {
            graph.EnqueueDependents(uid);
        }
        graph.EnqueueOwners(value.Metadata);
    }

    private static bool NeedsAttention(ObjectMeta meta) =>
        meta.OwnerReferences is { Count: > 0 } || DeletionFinalizers.IsDeletingDependents(meta) || DeletionFinalizers.IsOrphaning(meta);

    private void Enqueue(ObjectMeta meta) => monitor.Queue?.Add(GraphNode.KeyOf(meta));

    private static bool SameReferences(List<OwnerReference>? a, List<OwnerReference>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }
        for (int i = 0; i < (a?.Count ?? 0); i++)
        {
            OwnerReference x = a![i], y = b![i];
            if (x.Uid != y.Uid || x.Name != y.Name || x.Kind != y.Kind || x.ApiVersion != y.ApiVersion
                || x.Controller != y.Controller || x.BlockOwnerDeletion != y.BlockOwnerDeletion)
            {
                return false;
            }
        }
        return true;
    }
}

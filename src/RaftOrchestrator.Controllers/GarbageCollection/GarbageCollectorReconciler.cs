using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// The collector's work on one object of one kind (Kubernetes' attemptToDeleteItem and attemptToOrphan, level-based):
/// <list type="bullet">
/// <item>being deleted with the orphan finalizer: remove the references to it from its dependents, then the
/// finalizer (<c>.Dependents.cs</c>);</item>
/// <item>being deleted with the foregroundDeletion finalizer: have its dependents deleted, and remove the
/// finalizer once no dependent that blocks owner deletion remains (<c>.Dependents.cs</c>);</item>
/// <item>otherwise, with owner references: when no owner remains (deleted, or the name now holds another uid),
/// delete it; when some remain, drop the references to the others (<c>.Owners.cs</c>).</item>
/// </list>
/// The cache only ever clears an object (its owners all present): before deleting or patching anything, the
/// object and each owner the cache does not show are read live, so a lagging cache can delay the collector but
/// never make it delete a live object's dependents.
/// </summary>
internal sealed partial class GarbageCollectorReconciler(IKindMonitor monitor, DependencyGraph graph, ILogger logger) : IReconciler
{
    public const string Background = "Background";
    public const string Foreground = "Foreground";
    public const string Orphan = "Orphan";

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        ObjectMeta? cached = monitor.Cached(key.Namespace, key.Name);
        if (cached is null)
        {
            return ReconcileResult.Done;   // gone: its deletion event already woke its dependents and owners
        }
        var node = new GraphNode(monitor, cached);
        if (DeletionFinalizers.IsOrphaning(cached))
        {
            return await OrphanDependentsAsync(node, cancellationToken);
        }
        if (DeletionFinalizers.IsDeletingDependents(cached))
        {
            return await ProcessDeletingDependentsAsync(node, cancellationToken);
        }
        if (cached.DeletionTimestamp is not null || cached.OwnerReferences is not { Count: > 0 } || OwnersPresentInCache(node))
        {
            return ReconcileResult.Done;
        }
        return await AttemptToDeleteAsync(node, cancellationToken);
    }

    /// <summary>A failure as a retry; the codes that mean "nothing left to do" (404, and 409/422 for a replaced object) as done.</summary>
    private static ReconcileResult Outcome<T>(ApiResult<T> result) =>
        result.IsOk || result.IsNotFound || result.IsConflict || result.IsInvalid
            ? ReconcileResult.Done
            : ReconcileResult.Retry(result.Error.Message ?? result.ToString());
}

using System.Text;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.GarbageCollection;

internal sealed partial class GarbageCollectorReconciler
{
    /// <summary>
    /// Foreground deletion of an owner: every dependent is queued (its reconcile finds this owner waiting and
    /// deletes it), and once no dependent whose reference blocks owner deletion is left in the cache, the
    /// foregroundDeletion finalizer is removed and the server deletes the owner. Each dependent's disappearance
    /// wakes this owner again.
    /// </summary>
    private async Task<ReconcileResult> ProcessDeletingDependentsAsync(GraphNode node, CancellationToken cancellationToken)
    {
        string uid = node.Meta.Uid ?? "";
        List<GraphNode> dependents = [.. graph.DependentsOf(uid)];
        int blocking = dependents.Count(d => d.Meta.OwnerReferences?.Exists(r => r.Uid == uid && r.BlockOwnerDeletion == true) == true);
        if (blocking == 0)
        {
            return await RemoveFinalizerAsync(node, DeletionFinalizers.Foreground, cancellationToken);
        }
        GarbageCollectorLog.WaitingForDependents(logger, monitor.Descriptor.QualifiedPlural, node.Key.ToString(), blocking);
        foreach (GraphNode dependent in dependents.Where(d => !DeletionFinalizers.IsDeletingDependents(d.Meta)))
        {
            dependent.Monitor.Queue?.Add(dependent.Key);
        }
        return ReconcileResult.Done;
    }

    /// <summary>Orphan deletion of an owner: every dependent loses its reference to the owner, then the orphan finalizer goes.</summary>
    private async Task<ReconcileResult> OrphanDependentsAsync(GraphNode node, CancellationToken cancellationToken)
    {
        string uid = node.Meta.Uid ?? "";
        foreach (GraphNode dependent in graph.DependentsOf(uid).ToList())
        {
            ObjectKey key = dependent.Key;
            ApiResult<ObjectMeta> patched = await dependent.Monitor.PatchAsync(key.Namespace, key.Name, OwnerReferencePatches.Remove(dependent.Meta.Uid, [uid]), cancellationToken);
            if (Outcome(patched) is { Failed: true } failed)
            {
                return failed;
            }
        }
        return await RemoveFinalizerAsync(node, DeletionFinalizers.Orphan, cancellationToken);
    }

    /// <summary>
    /// Removes one finalizer from the live object with a merge patch carrying its resourceVersion (a precondition:
    /// a concurrent change of the finalizers is a conflict, retried, never overwritten).
    /// </summary>
    private async Task<ReconcileResult> RemoveFinalizerAsync(GraphNode node, string finalizer, CancellationToken cancellationToken)
    {
        ObjectKey key = node.Key;
        ApiResult<ObjectMeta> read = await monitor.GetAsync(key.Namespace, key.Name, cancellationToken);
        if (!read.IsOk)
        {
            return read.IsNotFound ? ReconcileResult.Done : ReconcileResult.Retry(read.Error.Message ?? read.ToString());
        }
        ObjectMeta live = read.Value;
        if (live.Uid != node.Meta.Uid || !DeletionFinalizers.Has(live, finalizer))
        {
            return ReconcileResult.Done;
        }
        GarbageCollectorLog.RemovingFinalizer(logger, monitor.Descriptor.QualifiedPlural, key.ToString(), finalizer);
        string[] remaining = [.. live.Finalizers!.Where(f => f != finalizer)];
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = live.ResourceVersion,
                ["finalizers"] = remaining.Length == 0 ? null : new JsonArray([.. remaining.Select(f => JsonValue.Create(f))]),
            },
        };
        var patch = new Patch(PatchType.Merge, Encoding.UTF8.GetBytes(body.ToJsonString()));
        ApiResult<ObjectMeta> patched = await monitor.PatchAsync(key.Namespace, key.Name, patch, cancellationToken);
        if (patched.IsConflict)
        {
            return ReconcileResult.Retry($"{monitor.Descriptor.QualifiedPlural} {key} changed while removing finalizer {finalizer}");
        }
        return Outcome(patched);
    }
}

using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.GarbageCollection;

internal sealed partial class GarbageCollectorReconciler
{
    /// <summary>How an owner reference resolves: present, gone, or present but deleting its dependents in the foreground.</summary>
    private enum OwnerState
    {
        Solid,
        Dangling,
        WaitingForDependents,
    }

    /// <summary>True when the cache shows every owner present under the referenced uid and not deleting in the foreground.</summary>
    private bool OwnersPresentInCache(GraphNode node)
    {
        foreach (OwnerReference reference in node.Meta.OwnerReferences ?? [])
        {
            if (graph.Resolve(reference) is not { } owner)
            {
                GarbageCollectorLog.UnknownOwnerKind(logger, monitor.Descriptor.QualifiedPlural, node.Key.ToString(), reference.ApiVersion, reference.Kind);
                continue;   // an owner of a kind we cannot see is never taken for gone
            }
            ObjectMeta? cached = DependencyGraph.OwnerKey(owner, node.Meta, reference) is { } key ? owner.Cached(key.Namespace, key.Name) : null;
            if (cached is null || cached.Uid != reference.Uid || DeletionFinalizers.IsDeletingDependents(cached) || graph.Absent.Contains(reference.Uid))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Reads the object live and classifies its owners live; then, as Kubernetes does: with a solid owner left,
    /// only the references to gone or foreground-deleting owners are removed; with none, the object is deleted —
    /// in the foreground when an owner waits for it and it has dependents of its own, else honouring an orphan or
    /// foreground finalizer it already carries, else in the background.
    /// </summary>
    private async Task<ReconcileResult> AttemptToDeleteAsync(GraphNode node, CancellationToken cancellationToken)
    {
        ObjectKey key = node.Key;
        ApiResult<ObjectMeta> read = await monitor.GetAsync(key.Namespace, key.Name, cancellationToken);
        if (!read.IsOk)
        {
            return read.IsNotFound ? ReconcileResult.Done : ReconcileResult.Retry(read.Error.Message ?? read.ToString());
        }
        ObjectMeta latest = read.Value;
        if (latest.Uid != node.Meta.Uid || latest.DeletionTimestamp is not null || latest.OwnerReferences is not { Count: > 0 } references)
        {
            return ReconcileResult.Done;   // replaced, already being deleted, or freed: its own events bring it back if needed
        }
        var solid = new List<OwnerReference>();
        var gone = new List<OwnerReference>();
        var waiting = new List<OwnerReference>();
        foreach (OwnerReference reference in references)
        {
            (OwnerState state, string? failure) = await ClassifyAsync(latest, reference, cancellationToken);
            if (failure is not null)
            {
                return ReconcileResult.Retry(failure);
            }
            (state switch { OwnerState.Solid => solid, OwnerState.Dangling => gone, _ => waiting }).Add(reference);
        }
        if (solid.Count > 0)
        {
            if (gone.Count == 0 && waiting.Count == 0)
            {
                return ReconcileResult.Done;
            }
            string[] uids = [.. gone.Concat(waiting).Select(r => r.Uid)];
            GarbageCollectorLog.RemovingReferences(logger, monitor.Descriptor.QualifiedPlural, key.ToString(), string.Join(",", uids));
            return Outcome(await monitor.PatchAsync(key.Namespace, key.Name, OwnerReferencePatches.Remove(latest.Uid, uids), cancellationToken));
        }
        string policy;
        if (waiting.Count > 0 && graph.DependentsOf(latest.Uid ?? "").Any())
        {
            if (await UnblockIfCyclicAsync(latest, cancellationToken) is { } failed)
            {
                return failed;
            }
            policy = Foreground;
        }
        else
        {
            policy = DeletionFinalizers.Has(latest, DeletionFinalizers.Orphan) ? Orphan
                : DeletionFinalizers.Has(latest, DeletionFinalizers.Foreground) ? Foreground
                : Background;
        }
        GarbageCollectorLog.Deleting(logger, monitor.Descriptor.QualifiedPlural, key.ToString(), policy);
        return Outcome(await monitor.DeleteAsync(key.Namespace, key.Name, latest.Uid ?? "", policy, cancellationToken));
    }

    /// <summary>Kubernetes' isDangling and classifyReferences: one owner, read live unless known absent.</summary>
    private async Task<(OwnerState State, string? Failure)> ClassifyAsync(ObjectMeta dependent, OwnerReference reference, CancellationToken cancellationToken)
    {
        if (graph.Resolve(reference) is not { } owner)
        {
            return (OwnerState.Solid, null);
        }
        if (graph.Absent.Contains(reference.Uid) || DependencyGraph.OwnerKey(owner, dependent, reference) is not { } key)
        {
            return (OwnerState.Dangling, null);
        }
        ApiResult<ObjectMeta> live = await owner.GetAsync(key.Namespace, key.Name, cancellationToken);
        if (!live.IsOk && !live.IsNotFound)
        {
            return (OwnerState.Solid, live.Error.Message ?? live.ToString());
        }
        if (live.IsNotFound || live.Value!.Uid != reference.Uid)
        {
            graph.Absent.Add(reference.Uid);
            return (OwnerState.Dangling, null);
        }
        return (DeletionFinalizers.IsDeletingDependents(live.Value) ? OwnerState.WaitingForDependents : OwnerState.Solid, null);
    }

    /// <summary>
    /// Before a foreground delete of an object one of whose dependents is itself deleting in the foreground (a
    /// possible cycle), its references stop blocking their owners, so the owners cannot wait on each other forever.
    /// </summary>
    private async Task<ReconcileResult?> UnblockIfCyclicAsync(ObjectMeta latest, CancellationToken cancellationToken)
    {
        if (!graph.DependentsOf(latest.Uid ?? "").Any(d => DeletionFinalizers.IsDeletingDependents(d.Meta)))
        {
            return null;
        }
        string[] blocking = [.. (latest.OwnerReferences ?? []).Where(r => r.BlockOwnerDeletion == true).Select(r => r.Uid)];
        if (blocking.Length == 0)
        {
            return null;
        }
        ObjectKey key = GraphNode.KeyOf(latest);
        ApiResult<ObjectMeta> patched = await monitor.PatchAsync(key.Namespace, key.Name, OwnerReferencePatches.Unblock(latest.Uid, blocking), cancellationToken);
        return patched.IsOk ? null : Outcome(patched);
    }
}

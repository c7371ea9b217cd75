using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// Deletes the old ReplicaSets beyond revisionHistoryLimit, lowest revisions first. Only fully scaled-down ones
    /// go (no replicas in spec or status, and the ReplicaSet controller has seen their latest spec); the limit is
    /// counted over all old ReplicaSets not already being deleted, so busy ones still take a slot.
    /// </summary>
    private async Task<ReconcileResult?> CleanupAsync(RolloutState state, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        if (!RolloutProgress.HasRevisionHistoryLimit(deployment))
        {
            return null;
        }
        List<ReplicaSet> cleanable = [.. state.Old.Where(rs => rs.Metadata.DeletionTimestamp is null)];
        int excess = cleanable.Count - deployment.Spec.RevisionHistoryLimit!.Value;
        if (excess <= 0)
        {
            return null;
        }
        cleanable.Sort(ReplicaSetOrder.ByRevision);
        foreach (ReplicaSet rs in cleanable.Take(excess))
        {
            if (rs.Status.Replicas != 0 || RolloutMath.Replicas(rs) != 0
                || (rs.Metadata.Generation ?? 0) > (rs.Status.ObservedGeneration ?? 0))
            {
                continue;
            }
            DeploymentLog.DeletingOldReplicaSet(_logger, deployment.Metadata.Name ?? "", rs.Metadata.Name ?? "");
            ApiResult<ReplicaSet> deleted = await _replicaSets.DeleteAsync(rs.Metadata.Namespace, rs.Metadata.Name ?? "", cancellationToken: cancellationToken);
            if (!deleted.IsOk && !deleted.IsNotFound)
            {
                return Failed($"deleting old replica set {rs.Metadata.Name}", deleted);
            }
            state.Remove(rs);
        }
        return null;
    }
}

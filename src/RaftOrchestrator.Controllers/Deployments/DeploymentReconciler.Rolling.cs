using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// One step of a rolling update (Kubernetes' rolloutRolling): grow the new ReplicaSet as far as maxSurge allows,
    /// else shrink old ones as far as maxUnavailable allows, else (complete) clean up old revisions; then status.
    /// </summary>
    private async Task<ReconcileResult> RolloutRollingAsync(RolloutState state, CancellationToken cancellationToken)
    {
        if (await SyncNewReplicaSetAsync(state, create: true, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        (bool scaledUp, ReconcileResult? upStopped) = await ReconcileNewReplicaSetAsync(state, cancellationToken);
        if (upStopped is { } up)
        {
            return up;
        }
        if (!scaledUp)
        {
            (bool scaledDown, ReconcileResult? downStopped) = await ReconcileOldReplicaSetsAsync(state, cancellationToken);
            if (downStopped is { } down)
            {
                return down;
            }
            if (!scaledDown && RolloutProgress.IsComplete(state.Deployment, state.Deployment.Status)
                && await CleanupAsync(state, cancellationToken) is { } cleanupStopped)
            {
                return cleanupStopped;
            }
        }
        return await SyncRolloutStatusAsync(state, cancellationToken);
    }

    private async Task<(bool Scaled, ReconcileResult? Stopped)> ReconcileNewReplicaSetAsync(RolloutState state, CancellationToken cancellationToken)
    {
        ReplicaSet newRs = state.New!;
        int replicas = RolloutMath.Replicas(state.Deployment);
        int current = RolloutMath.Replicas(newRs);
        if (current == replicas)
        {
            return (false, null);
        }
        int size = current > replicas ? replicas : RolloutMath.NewReplicaSetReplicas(state.Deployment, state.All, newRs);
        return await ScaleAndRecordAsync(state, newRs, size, cancellationToken);
    }

    /// <summary>
    /// Shrinks old ReplicaSets without going below replicas − maxUnavailable available pods, counting the new
    /// ReplicaSet's unavailable pods against the budget: first the old pods that are not available anyway, then
    /// available ones, oldest ReplicaSets first.
    /// </summary>
    private async Task<(bool Scaled, ReconcileResult? Stopped)> ReconcileOldReplicaSetsAsync(RolloutState state, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        ReplicaSet newRs = state.New!;
        if (RolloutMath.SpecReplicas(RolloutMath.Active(state.Old)) == 0)
        {
            return (false, null);
        }
        int minAvailable = RolloutMath.Replicas(deployment) - RolloutMath.MaxUnavailable(deployment);
        int newUnavailable = RolloutMath.Replicas(newRs) - (newRs.Status.AvailableReplicas ?? 0);
        int maxScaledDown = RolloutMath.SpecReplicas(state.All) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return (false, null);
        }
        (int cleaned, ReconcileResult? stopped) = await CleanupUnhealthyReplicasAsync(state, maxScaledDown, cancellationToken);
        if (stopped is not null)
        {
            return (false, stopped);
        }
        (int scaledDown, stopped) = await ScaleDownOldReplicaSetsAsync(state, minAvailable, cancellationToken);
        return (cleaned + scaledDown > 0, stopped);
    }

    /// <summary>Removes up to <paramref name="maxCleanup"/> old pods that are not available, oldest ReplicaSets first.</summary>
    private async Task<(int Count, ReconcileResult? Stopped)> CleanupUnhealthyReplicasAsync(RolloutState state, int maxCleanup, CancellationToken cancellationToken)
    {
        List<ReplicaSet> old = RolloutMath.Active(state.Old);
        old.Sort(ReplicaSetOrder.ByCreation);
        int total = 0;
        foreach (ReplicaSet rs in old)
        {
            if (total >= maxCleanup)
            {
                break;
            }
            int unhealthy = RolloutMath.Replicas(rs) - (rs.Status.AvailableReplicas ?? 0);
            if (unhealthy <= 0)
            {
                continue;
            }
            int count = Math.Min(maxCleanup - total, unhealthy);
            if ((await ScaleAndRecordAsync(state, rs, RolloutMath.Replicas(rs) - count, cancellationToken)).Stopped is { } stopped)
            {
                return (total, stopped);
            }
            total += count;
        }
        return (total, null);
    }

    /// <summary>
    /// Scales old ReplicaSets down by what the available pods exceed <paramref name="minAvailable"/> by, oldest first.
    /// A ReplicaSet counts at most its spec.replicas as available: one just scaled down may still report the pods it
    /// had (its controller has not written status yet), and Kubernetes, counting those, can scale down twice and
    /// break maxUnavailable for a moment.
    /// </summary>
    private async Task<(int Count, ReconcileResult? Stopped)> ScaleDownOldReplicaSetsAsync(RolloutState state, int minAvailable, CancellationToken cancellationToken)
    {
        int available = state.All.Sum(rs => Math.Min(RolloutMath.Replicas(rs), rs.Status.AvailableReplicas ?? 0));
        if (available <= minAvailable)
        {
            return (0, null);
        }
        List<ReplicaSet> old = RolloutMath.Active(state.Old);
        old.Sort(ReplicaSetOrder.ByCreation);
        int budget = available - minAvailable;
        int total = 0;
        foreach (ReplicaSet rs in old)
        {
            if (total >= budget)
            {
                break;
            }
            int count = Math.Min(RolloutMath.Replicas(rs), budget - total);
            if ((await ScaleAndRecordAsync(state, rs, RolloutMath.Replicas(rs) - count, cancellationToken)).Stopped is { } stopped)
            {
                return (total, stopped);
            }
            total += count;
        }
        return (total, null);
    }
}

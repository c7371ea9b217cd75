using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// Kubernetes' scale: brings the ReplicaSets' total to the Deployment's size. With one active ReplicaSet (or
    /// none: the newest), that one takes spec.replicas; with a saturated new ReplicaSet, the old ones go to zero;
    /// mid-rollout, the difference from replicas + maxSurge is spread over the active ReplicaSets in proportion to
    /// their sizes (largest first; the rounding leftover goes to the first), so the rollout's shape is kept.
    /// </summary>
    private async Task<ReconcileResult?> ScaleAsync(RolloutState state, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        int replicas = RolloutMath.Replicas(deployment);
        if (ActiveOrLatest(state) is { } only)
        {
            return RolloutMath.Replicas(only) == replicas ? null : (await ScaleAndRecordAsync(state, only, replicas, cancellationToken)).Stopped;
        }
        if (RolloutMath.IsSaturated(deployment, state.New))
        {
            foreach (ReplicaSet old in RolloutMath.Active(state.Old))
            {
                if ((await ScaleAndRecordAsync(state, old, 0, cancellationToken)).Stopped is { } stopped)
                {
                    return stopped;
                }
            }
            return null;
        }
        if (!RolloutMath.IsRollingUpdate(deployment))
        {
            return null;
        }
        List<ReplicaSet> active = RolloutMath.Active(state.All);
        int allowed = replicas > 0 ? replicas + RolloutMath.MaxSurge(deployment) : 0;
        int toAdd = allowed - RolloutMath.SpecReplicas(active);
        string operation = "";
        if (toAdd > 0)
        {
            active.Sort(ReplicaSetOrder.BySizeNewer);
            operation = "up";
        }
        else if (toAdd < 0)
        {
            active.Sort(ReplicaSetOrder.BySizeOlder);
            operation = "down";
        }
        var sizes = new int[active.Count];
        int added = 0;
        for (int i = 0; i < active.Count; i++)
        {
            int share = toAdd == 0 ? 0 : RolloutMath.Proportion(active[i], deployment, toAdd, added);
            sizes[i] = RolloutMath.Replicas(active[i]) + share;
            added += share;
        }
        if (toAdd != 0 && active.Count > 0)
        {
            sizes[0] = Math.Max(0, sizes[0] + toAdd - added);
        }
        for (int i = 0; i < active.Count; i++)
        {
            if ((await ScaleReplicaSetAsync(state, active[i], sizes[i], operation, cancellationToken)).Stopped is { } stopped)
            {
                return stopped;
            }
        }
        return null;
    }

    /// <summary>
    /// The one ReplicaSet to give the Deployment's size to (Kubernetes' FindActiveOrLatest): the only active one;
    /// with none active, the new one or else the newest old one; null with several active.
    /// </summary>
    private static ReplicaSet? ActiveOrLatest(RolloutState state)
    {
        if (state.New is null && state.Old.Count == 0)
        {
            return null;
        }
        List<ReplicaSet> newestFirst = [.. state.Old];
        newestFirst.Sort(ReplicaSetOrder.ByCreationNewest);
        List<ReplicaSet> active = RolloutMath.Active(state.New is null ? newestFirst : newestFirst.Append(state.New));
        return active.Count switch
        {
            0 => state.New ?? newestFirst[0],
            1 => active[0],
            _ => null,
        };
    }

    /// <summary>Resizes a ReplicaSet if its size differs, recording a ScalingReplicaSet event.</summary>
    private async Task<(bool Scaled, ReconcileResult? Stopped)> ScaleAndRecordAsync(RolloutState state, ReplicaSet rs, int size, CancellationToken cancellationToken)
    {
        int current = RolloutMath.Replicas(rs);
        return current == size
            ? (false, null)
            : await ScaleReplicaSetAsync(state, rs, size, current < size ? "up" : "down", cancellationToken);
    }

    /// <summary>
    /// Writes a ReplicaSet's size together with the desired-replicas and max-replicas annotations of the
    /// Deployment's current size (written even when only they are stale). Scaled is true when the size changed.
    /// </summary>
    private async Task<(bool Scaled, ReconcileResult? Stopped)> ScaleReplicaSetAsync(RolloutState state, ReplicaSet rs, int size, string operation, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        int desired = RolloutMath.Replicas(deployment);
        int max = desired + RolloutMath.MaxSurge(deployment);
        int current = RolloutMath.Replicas(rs);
        bool resize = current != size;
        if (!resize && !DeploymentAnnotations.ReplicasNeedUpdate(rs, desired, max))
        {
            return (false, null);
        }
        ReplicaSet copy = ObjectCopy.Clone(rs);
        copy.Spec.Replicas = size;
        DeploymentAnnotations.SetReplicas(copy, desired, max);
        ApiResult<ReplicaSet> updated = await _replicaSets.UpdateAsync(copy, cancellationToken: cancellationToken);
        if (!updated.IsOk)
        {
            return (false, Failed($"scaling replica set {copy.Metadata.Name}", updated));
        }
        state.Replace(updated.Value);
        if (resize)
        {
            _events.Record(deployment, EventTypes.Normal, "ScalingReplicaSet",
                $"Scaled {operation} replica set {copy.Metadata.Name} from {current} to {size}");
        }
        return (resize, null);
    }
}

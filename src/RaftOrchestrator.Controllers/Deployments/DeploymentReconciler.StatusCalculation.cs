using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// The status kubectl rollout status reads (Kubernetes' calculateStatus): replicas, updatedReplicas and
    /// readyReplicas from the ReplicaSets' status, unavailableReplicas against their spec, observedGeneration, and
    /// Available by whether at least replicas − maxUnavailable pods are available. Other conditions are kept.
    /// </summary>
    private DeploymentStatus CalculateStatus(RolloutState state)
    {
        Deployment deployment = state.Deployment;
        List<ReplicaSet> all = [.. state.All];
        int available = RolloutMath.AvailableReplicas(all);
        var status = new DeploymentStatus
        {
            ObservedGeneration = deployment.Metadata.Generation,
            Replicas = RolloutMath.ActualReplicas(all),
            UpdatedReplicas = state.New?.Status.Replicas ?? 0,
            ReadyReplicas = RolloutMath.ReadyReplicas(all),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, RolloutMath.SpecReplicas(all) - available),
            CollisionCount = deployment.Status.CollisionCount,
            Conditions = deployment.Status.Conditions is { Count: > 0 } conditions ? [.. conditions.Select(Copy)] : null,
        };
        DeploymentConditions.Set(status, available >= RolloutMath.Replicas(deployment) - RolloutMath.MaxUnavailable(deployment)
            ? DeploymentConditions.New(DeploymentConditions.Available, "True", DeploymentConditions.MinimumReplicasAvailable, "Deployment has minimum availability.", Now)
            : DeploymentConditions.New(DeploymentConditions.Available, "False", DeploymentConditions.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", Now));
        return status;
    }

    /// <summary>
    /// Carries a ReplicaFailure condition of the ReplicaSets (the new one's first) over to the Deployment, or
    /// removes the Deployment's when none has one.
    /// </summary>
    private static void SetReplicaFailure(RolloutState state, DeploymentStatus status)
    {
        ReplicaSetCondition? failure = state.New?.Status.Conditions?.Find(c => c.Type == DeploymentConditions.ReplicaFailure);
        foreach (ReplicaSet rs in state.All)
        {
            failure ??= rs.Status.Conditions?.Find(c => c.Type == DeploymentConditions.ReplicaFailure);
        }
        if (failure is null)
        {
            DeploymentConditions.Remove(status, DeploymentConditions.ReplicaFailure);
        }
        else
        {
            DeploymentConditions.Set(status, DeploymentConditions.FromReplicaSet(failure));
        }
    }

    /// <summary>Writes the state's Deployment status and keeps the reply; null on success.</summary>
    private async Task<ReconcileResult?> WriteStatusAsync(RolloutState state, CancellationToken cancellationToken)
    {
        ApiResult<Deployment> written = await _deployments.UpdateStatusAsync(state.Deployment, cancellationToken: cancellationToken);
        if (!written.IsOk)
        {
            return written.IsNotFound ? ReconcileResult.Done : Failed("writing status", written);
        }
        state.Deployment = written.Value;
        return null;
    }

    private static bool SameStatus(DeploymentStatus a, DeploymentStatus b)
    {
        if (a.ObservedGeneration != b.ObservedGeneration || a.Replicas != b.Replicas || a.UpdatedReplicas != b.UpdatedReplicas
            || a.ReadyReplicas != b.ReadyReplicas || a.AvailableReplicas != b.AvailableReplicas
            || a.UnavailableReplicas != b.UnavailableReplicas || a.CollisionCount != b.CollisionCount)
        {
            return false;
        }
        List<DeploymentCondition> x = a.Conditions ?? [];
        List<DeploymentCondition> y = b.Conditions ?? [];
        return x.Count == y.Count && x.Zip(y).All(pair => SameCondition(pair.First, pair.Second));
    }

    private static bool SameCondition(DeploymentCondition a, DeploymentCondition b) =>
        a.Type == b.Type && a.Status == b.Status && a.Reason == b.Reason && a.Message == b.Message
        && a.LastUpdateTime == b.LastUpdateTime && a.LastTransitionTime == b.LastTransitionTime;

    private static DeploymentCondition Copy(DeploymentCondition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        LastUpdateTime = c.LastUpdateTime,
        LastTransitionTime = c.LastTransitionTime,
        Reason = c.Reason,
        Message = c.Message,
    };
}

using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>Whether a rollout is complete, progressing or stuck, judged from statuses as Kubernetes judges them.</summary>
internal static class RolloutProgress
{
    /// <summary>progressDeadlineSeconds is set and not "never" (int.MaxValue).</summary>
    public static bool HasProgressDeadline(Deployment deployment) =>
        deployment.Spec.ProgressDeadlineSeconds is { } seconds && seconds != int.MaxValue;

    public static bool HasRevisionHistoryLimit(Deployment deployment) =>
        deployment.Spec.RevisionHistoryLimit is { } limit && limit != int.MaxValue;

    /// <summary>Every replica is updated and available, and the status is of the current generation.</summary>
    public static bool IsComplete(Deployment deployment, DeploymentStatus status)
    {
        int replicas = RolloutMath.Replicas(deployment);
        return (status.UpdatedReplicas ?? 0) == replicas
            && (status.Replicas ?? 0) == replicas
            && (status.AvailableReplicas ?? 0) == replicas
            && (status.ObservedGeneration ?? 0) >= (deployment.Metadata.Generation ?? 0);
    }

    /// <summary>Compared with the stored status: more updated, ready or available replicas, or fewer old ones.</summary>
    public static bool IsProgressing(Deployment deployment, DeploymentStatus status)
    {
        DeploymentStatus old = deployment.Status;
        int oldOld = (old.Replicas ?? 0) - (old.UpdatedReplicas ?? 0);
        int newOld = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
        return (status.UpdatedReplicas ?? 0) > (old.UpdatedReplicas ?? 0)
            || newOld < oldOld
            || (status.ReadyReplicas ?? 0) > (old.ReadyReplicas ?? 0)
            || (status.AvailableReplicas ?? 0) > (old.AvailableReplicas ?? 0);
    }

    /// <summary>No progress was reported for progressDeadlineSeconds since the Progressing condition's lastUpdateTime.</summary>
    public static bool IsTimedOut(Deployment deployment, DeploymentStatus status, DateTime now)
    {
        if (!HasProgressDeadline(deployment))
        {
            return false;
        }
        DeploymentCondition? condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        if (condition is null || condition.Reason == DeploymentConditions.NewReplicaSetAvailable)
        {
            return false;
        }
        if (condition.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return true;
        }
        return Deadline(deployment, condition) < now;
    }

    /// <summary>
    /// When the rollout must be looked at again to notice a missed deadline (Kubernetes' requeueStuckDeployment):
    /// null when it is complete, already timed out, or has no deadline or Progressing condition.
    /// </summary>
    public static TimeSpan? RecheckAfter(Deployment deployment, DeploymentStatus status, DateTime now)
    {
        DeploymentCondition? condition = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        if (!HasProgressDeadline(deployment) || condition is null
            || IsComplete(deployment, status) || condition.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return null;
        }
        TimeSpan after = Deadline(deployment, condition) - now;
        // A second past the deadline, so the check sees it passed (the comparison is strict).
        return after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after + TimeSpan.FromSeconds(1);
    }

    private static DateTime Deadline(Deployment deployment, DeploymentCondition condition) =>
        (condition.LastUpdateTime ?? DateTime.MinValue).AddSeconds(deployment.Spec.ProgressDeadlineSeconds ?? 0);
}

using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// Status after a rollout step (Kubernetes' syncRolloutStatus): the counts, Available, and Progressing —
    /// NewReplicaSetAvailable once complete, ReplicaSetUpdated (with a fresh lastUpdateTime) while anything moved
    /// forward, ProgressDeadlineExceeded when nothing did for progressDeadlineSeconds. An unfinished rollout is
    /// looked at again just after its deadline would pass, so the timeout is noticed without any event.
    /// </summary>
    private async Task<ReconcileResult> SyncRolloutStatusAsync(RolloutState state, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        DeploymentStatus status = CalculateStatus(state);
        DateTime now = Now;
        if (!RolloutProgress.HasProgressDeadline(deployment))
        {
            DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
        }
        DeploymentCondition? current = DeploymentConditions.Get(deployment.Status, DeploymentConditions.Progressing);
        bool complete = status.Replicas == status.UpdatedReplicas && current?.Reason == DeploymentConditions.NewReplicaSetAvailable;
        if (RolloutProgress.HasProgressDeadline(deployment) && !complete)
        {
            string subject = state.New is { } newRs ? $"ReplicaSet \"{newRs.Metadata.Name}\"" : $"Deployment \"{deployment.Metadata.Name}\"";
            if (RolloutProgress.IsComplete(deployment, status))
            {
                DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.NewReplicaSetAvailable, $"{subject} has successfully progressed.", now));
            }
            else if (RolloutProgress.IsProgressing(deployment, status))
            {
                // Progress refreshes lastUpdateTime even with an unchanged reason (Set would keep the old times).
                DeploymentCondition progressing = DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.ReplicaSetUpdated, $"{subject} is progressing.", now);
                if (current?.Status == "True")
                {
                    progressing.LastTransitionTime = current.LastTransitionTime;
                }
                DeploymentConditions.Remove(status, DeploymentConditions.Progressing);
                DeploymentConditions.Set(status, progressing);
            }
            else if (RolloutProgress.IsTimedOut(deployment, status, now))
            {
                DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Progressing, "False",
                    DeploymentConditions.ProgressDeadlineExceeded, $"{subject} has timed out progressing.", now));
            }
        }
        SetReplicaFailure(state, status);
        if (!SameStatus(deployment.Status, status))
        {
            deployment.Status = status;
            if (await WriteStatusAsync(state, cancellationToken) is { } stopped)
            {
                return stopped;
            }
        }
        return RolloutProgress.RecheckAfter(state.Deployment, status, now) is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    /// <summary>Status without judging progress (paused, resized, or being deleted): counts and Available only.</summary>
    private async Task<ReconcileResult> SyncDeploymentStatusAsync(RolloutState state, CancellationToken cancellationToken)
    {
        DeploymentStatus status = CalculateStatus(state);
        if (SameStatus(state.Deployment.Status, status))
        {
            return ReconcileResult.Done;
        }
        state.Deployment.Status = status;
        return await WriteStatusAsync(state, cancellationToken) ?? ReconcileResult.Done;
    }

    /// <summary>
    /// Paused and resumed Deployments get Progressing=Unknown (DeploymentPaused / DeploymentResumed), so time spent
    /// paused never counts against the progress deadline. A ProgressDeadlineExceeded is left standing.
    /// </summary>
    private async Task<ReconcileResult?> CheckPausedConditionsAsync(RolloutState state, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        if (!RolloutProgress.HasProgressDeadline(deployment))
        {
            return null;
        }
        DeploymentCondition? current = DeploymentConditions.Get(deployment.Status, DeploymentConditions.Progressing);
        if (current?.Reason == DeploymentConditions.ProgressDeadlineExceeded)
        {
            return null;
        }
        bool paused = deployment.Spec.Paused == true;
        bool pausedCondition = current?.Reason == DeploymentConditions.DeploymentPaused;
        if (paused == pausedCondition)
        {
            return null;
        }
        DeploymentConditions.Set(deployment.Status, paused
            ? DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentPaused, "Deployment is paused", Now)
            : DeploymentConditions.New(DeploymentConditions.Progressing, "Unknown", DeploymentConditions.DeploymentResumed, "Deployment is resumed", Now));
        return await WriteStatusAsync(state, cancellationToken);
    }
}

using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// A Recreate rollout (Kubernetes' rolloutRecreate): scale every old ReplicaSet to zero, wait until none of
    /// their pods is left running (by the ReplicaSets' status and by the pods themselves), and only then create or
    /// grow the new ReplicaSet to full size in one step.
    /// </summary>
    private async Task<ReconcileResult> RolloutRecreateAsync(RolloutState state, CancellationToken cancellationToken)
    {
        if (await SyncNewReplicaSetAsync(state, create: false, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        bool scaledDown = false;
        foreach (ReplicaSet old in RolloutMath.Active(state.Old))
        {
            (bool scaled, ReconcileResult? oldStopped) = await ScaleAndRecordAsync(state, old, 0, cancellationToken);
            if (oldStopped is { } s)
            {
                return s;
            }
            scaledDown |= scaled;
        }
        if (scaledDown || OldPodsRunning(state))
        {
            return await SyncRolloutStatusAsync(state, cancellationToken);
        }
        if (state.New is null && await SyncNewReplicaSetAsync(state, create: true, cancellationToken) is { } createStopped)
        {
            return createStopped;
        }
        if ((await ScaleAndRecordAsync(state, state.New!, RolloutMath.Replicas(state.Deployment), cancellationToken)).Stopped is { } upStopped)
        {
            return upStopped;
        }
        if (RolloutProgress.IsComplete(state.Deployment, state.Deployment.Status) && await CleanupAsync(state, cancellationToken) is { } cleanupStopped)
        {
            return cleanupStopped;
        }
        return await SyncRolloutStatusAsync(state, cancellationToken);
    }

    /// <summary>
    /// Old ReplicaSets still report pods, or a pod the Deployment's selector matches, controlled by one of its old
    /// ReplicaSets, has not finished (Succeeded and Failed pods do not count; Unknown ones do).
    /// </summary>
    private bool OldPodsRunning(RolloutState state)
    {
        if (RolloutMath.ActualReplicas(state.Old) > 0)
        {
            return true;
        }
        var oldUids = new HashSet<string>(state.Old.Select(rs => rs.Metadata.Uid ?? ""), StringComparer.Ordinal);
        if (oldUids.Count == 0 || !LabelSelectorMatcher.TryCreate(state.Deployment.Spec.Selector, out LabelSelectorMatcher? selector, out _))
        {
            return false;
        }
        foreach (Pod pod in _podLister.List(state.Deployment.Metadata.Namespace, selector))
        {
            if (ControllerRefs.ControllerOf(pod) is { } owner && oldUids.Contains(owner.Uid)
                && pod.Status?.Phase is not ("Succeeded" or "Failed"))
            {
                return true;
            }
        }
        return false;
    }
}

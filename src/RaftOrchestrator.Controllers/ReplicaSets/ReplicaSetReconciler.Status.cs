using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

internal sealed partial class ReplicaSetReconciler<TOwner>
{
    /// <summary>
    /// Kubernetes' calculateStatus over the claimed active pods: replicas; fullyLabeled (the template's labels all
    /// present); ready; available (ready for minReadySeconds). A failed create or delete sets ReplicaFailure
    /// (FailedCreate or FailedDelete, the error as message) if it is not set already; a sync without failure
    /// removes it.
    /// </summary>
    private ReplicaStatus CalculateStatus(TOwner owner, List<Pod> claimed, string? manageFailure, DateTime now)
    {
        ReplicaStatus current = _kind.ReadStatus(owner);
        LabelSelectorMatcher templateLabels = LabelSelectorMatcher.FromSet(_kind.Template(owner)?.Metadata.Labels);
        int minReady = _kind.MinReadySeconds(owner);
        int fullyLabeled = 0, ready = 0, available = 0;
        foreach (Pod pod in claimed)
        {
            fullyLabeled += templateLabels.Matches(pod.Metadata.Labels) ? 1 : 0;
            if (PodReadiness.IsReady(pod))
            {
                ready++;
                available += PodReadiness.IsAvailable(pod, minReady, now) ? 1 : 0;
            }
        }
        List<ReplicaCondition> conditions = [.. current.Conditions];
        bool failing = conditions.Exists(c => c.Type == ReplicaCondition.ReplicaFailure);
        if (manageFailure is not null && !failing)
        {
            int diff = claimed.Count - _kind.Replicas(owner);
            string reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
            conditions.Add(new ReplicaCondition(ReplicaCondition.ReplicaFailure, "True", now, reason, manageFailure));
        }
        else if (manageFailure is null && failing)
        {
            conditions.RemoveAll(c => c.Type == ReplicaCondition.ReplicaFailure);
        }
        return current with
        {
            Replicas = claimed.Count,
            FullyLabeledReplicas = fullyLabeled,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            Conditions = conditions,
        };
    }

    /// <summary>Writes the status (with observedGeneration = generation) unless the owner already has exactly it.</summary>
    private async Task<string?> UpdateStatusAsync(TOwner owner, ReplicaStatus status, CancellationToken cancellationToken)
    {
        status = status with { ObservedGeneration = owner.Metadata.Generation };
        if (status.SameAs(_kind.ReadStatus(owner)))
        {
            return null;
        }
        TOwner copy = ObjectCopy.Clone(owner);
        _kind.WriteStatus(copy, status);
        ApiResult<TOwner> updated = await _ownerClient.UpdateStatusAsync(copy, cancellationToken: cancellationToken);
        return updated.IsOk || updated.IsNotFound ? null : updated.Error.Message ?? updated.ToString();
    }

    /// <summary>
    /// A look again when the first ready-but-not-yet-available pod becomes available (minReadySeconds after it
    /// turned ready), since no pod event will mark that moment.
    /// </summary>
    private ReconcileResult AvailabilityRequeue(TOwner owner, List<Pod> claimed, DateTime now)
    {
        int minReady = _kind.MinReadySeconds(owner);
        if (minReady <= 0)
        {
            return ReconcileResult.Done;
        }
        DateTime? next = null;
        foreach (Pod pod in claimed)
        {
            if (PodReadiness.IsReady(pod) && !PodReadiness.IsAvailable(pod, minReady, now)
                && PodReadiness.Condition(pod, "Ready")?.LastTransitionTime is { } since)
            {
                DateTime at = since.AddSeconds(minReady);
                next = next is null || at < next ? at : next;
            }
        }
        return next is { } when ? ReconcileResult.After(when - now) : ReconcileResult.Done;
    }
}

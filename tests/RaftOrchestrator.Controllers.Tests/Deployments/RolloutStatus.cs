using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>What `kubectl rollout status` (1.32's DeploymentStatusViewer) reports for a Deployment, from exactly the fields it reads.</summary>
internal static class RolloutStatus
{
    public static string Message(Deployment d)
    {
        string name = d.Metadata.Name ?? "";
        DeploymentStatus s = d.Status;
        if ((d.Metadata.Generation ?? 0) > (s.ObservedGeneration ?? 0))
        {
            return "Waiting for deployment spec update to be observed...";
        }
        if (s.Conditions?.Find(c => c.Type == "Progressing")?.Reason == "ProgressDeadlineExceeded")
        {
            return $"error: deployment \"{name}\" exceeded its progress deadline";
        }
        int replicas = d.Spec.Replicas ?? 1;
        int updated = s.UpdatedReplicas ?? 0;
        if (updated < replicas)
        {
            return $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {replicas} new replicas have been updated...";
        }
        if ((s.Replicas ?? 0) > updated)
        {
            return $"Waiting for deployment \"{name}\" rollout to finish: {(s.Replicas ?? 0) - updated} old replicas are pending termination...";
        }
        if ((s.AvailableReplicas ?? 0) < updated)
        {
            return $"Waiting for deployment \"{name}\" rollout to finish: {s.AvailableReplicas ?? 0} of {updated} updated replicas are available...";
        }
        return $"deployment \"{name}\" successfully rolled out";
    }

    public static bool IsDone(Deployment d) => Message(d).EndsWith("successfully rolled out", StringComparison.Ordinal);
}

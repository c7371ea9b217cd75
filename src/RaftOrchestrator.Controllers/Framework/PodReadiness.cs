using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>Pod states as the workload controllers count them (Kubernetes' podutil).</summary>
public static class PodReadiness
{
    public static PodCondition? Condition(Pod pod, string type)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Status?.Conditions?.Find(c => c.Type == type);
    }

    /// <summary>The Ready condition is True.</summary>
    public static bool IsReady(Pod pod) => Condition(pod, "Ready")?.Status == "True";

    /// <summary>Ready for at least <paramref name="minReadySeconds"/> (by the condition's last transition) at <paramref name="now"/>.</summary>
    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTime now)
    {
        PodCondition? ready = Condition(pod, "Ready");
        if (ready?.Status != "True")
        {
            return false;
        }
        return minReadySeconds <= 0
            || (ready.LastTransitionTime is { } since && since.AddSeconds(minReadySeconds) <= now);
    }

    /// <summary>Not terminating and not finished: the pods a replica count counts.</summary>
    public static bool IsActive(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");
    }
}

using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>The Deployment condition types and reasons Kubernetes reports, and its rules for setting them.</summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ReplicaSetCreateError = "ReplicaSetCreateError";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";
    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";

    public static DeploymentCondition? Get(DeploymentStatus status, string type) =>
        status.Conditions?.Find(c => c.Type == type);

    /// <summary>A condition stamped <paramref name="now"/> (API times have whole seconds).</summary>
    public static DeploymentCondition New(string type, string status, string reason, string message, DateTime now)
    {
        DateTime stamp = TruncateToSeconds(now);
        return new DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = stamp,
            LastTransitionTime = stamp,
        };
    }

    /// <summary>
    /// Sets a condition as Kubernetes' SetDeploymentCondition: one with the same status and reason is left alone
    /// (its times too); one with the same status keeps its lastTransitionTime.
    /// </summary>
    public static void Set(DeploymentStatus status, DeploymentCondition condition)
    {
        DeploymentCondition? current = Get(status, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason)
        {
            return;
        }
        if (current is not null && current.Status == condition.Status)
        {
            condition.LastTransitionTime = current.LastTransitionTime;
        }
        Remove(status, condition.Type);
        (status.Conditions ??= []).Add(condition);
    }

    public static void Remove(DeploymentStatus status, string type)
    {
        status.Conditions?.RemoveAll(c => c.Type == type);
        if (status.Conditions is { Count: 0 })
        {
            status.Conditions = null;
        }
    }

    public static DeploymentCondition FromReplicaSet(ReplicaSetCondition condition) => new()
    {
        Type = condition.Type,
        Status = condition.Status,
        LastTransitionTime = condition.LastTransitionTime,
        LastUpdateTime = condition.LastTransitionTime,
        Reason = condition.Reason,
        Message = condition.Message,
    };

    public static DateTime TruncateToSeconds(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

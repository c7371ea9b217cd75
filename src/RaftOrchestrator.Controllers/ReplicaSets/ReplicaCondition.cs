namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>One status condition, in the shape ReplicaSetCondition and ReplicationControllerCondition share.</summary>
internal sealed record ReplicaCondition(string Type, string Status, DateTime? LastTransitionTime, string? Reason, string? Message)
{
    /// <summary>Set when creating or deleting pods failed (quota, admission, invalid template); removed once a sync succeeds.</summary>
    public const string ReplicaFailure = "ReplicaFailure";
}

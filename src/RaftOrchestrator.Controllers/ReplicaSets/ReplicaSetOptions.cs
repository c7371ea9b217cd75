namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>Tunables of the ReplicaSet and ReplicationController controllers.</summary>
public sealed record ReplicaSetOptions
{
    /// <summary>
    /// At most this many pods are created or deleted per sync of one owner (Kubernetes' BurstReplicas, sized for
    /// 1.0's performance targets); the rest follow on the next sync, once the cache has observed these.
    /// </summary>
    public int BurstReplicas { get; init; } = 500;
}

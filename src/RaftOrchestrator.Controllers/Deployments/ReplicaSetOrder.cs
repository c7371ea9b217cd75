using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>The orders Kubernetes' deployment controller sorts ReplicaSets in; ties fall back to the name, so every order is total.</summary>
internal static class ReplicaSetOrder
{
    /// <summary>Oldest first.</summary>
    public static int ByCreation(ReplicaSet a, ReplicaSet b)
    {
        int byTime = Nullable.Compare(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }

    /// <summary>Newest first.</summary>
    public static int ByCreationNewest(ReplicaSet a, ReplicaSet b) => ByCreation(b, a);

    /// <summary>Largest first; of equal size, oldest first (where a scale-down takes from).</summary>
    public static int BySizeOlder(ReplicaSet a, ReplicaSet b)
    {
        int bySize = RolloutMath.Replicas(b).CompareTo(RolloutMath.Replicas(a));
        return bySize != 0 ? bySize : ByCreation(a, b);
    }

    /// <summary>Largest first; of equal size, newest first (where a scale-up adds to).</summary>
    public static int BySizeNewer(ReplicaSet a, ReplicaSet b)
    {
        int bySize = RolloutMath.Replicas(b).CompareTo(RolloutMath.Replicas(a));
        return bySize != 0 ? bySize : ByCreation(b, a);
    }

    /// <summary>Lowest revision first; without readable or with equal revisions, oldest first.</summary>
    public static int ByRevision(ReplicaSet a, ReplicaSet b)
    {
        if (DeploymentAnnotations.TryRevision(a, out long ra) && DeploymentAnnotations.TryRevision(b, out long rb) && ra != rb)
        {
            return ra.CompareTo(rb);
        }
        return ByCreation(a, b);
    }
}

using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// The replica arithmetic of rollouts (Kubernetes' deploymentutil): surge and unavailability bounds, counts over
/// ReplicaSets, the size of the next new-ReplicaSet step, and proportional shares when the Deployment is resized.
/// Pure functions of spec and status.
/// </summary>
internal static class RolloutMath
{
    public const string RollingUpdate = "RollingUpdate";
    public const string Recreate = "Recreate";

    public static int Replicas(Deployment deployment) => deployment.Spec.Replicas ?? 1;

    public static int Replicas(ReplicaSet rs) => rs.Spec.Replicas ?? 1;

    public static bool IsRollingUpdate(Deployment deployment) => deployment.Spec.Strategy?.Type is null or "" or RollingUpdate;

    /// <summary>
    /// maxSurge and maxUnavailable against <paramref name="desired"/>: surge rounds up, unavailability down, and
    /// when both come to zero one pod may be unavailable (validation refuses 0/0, but percentages can round to it).
    /// </summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        int surge = Scale(maxSurge, desired, roundUp: true);
        int unavailable = Scale(maxUnavailable, desired, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    /// <summary>How many pods above spec.replicas a rolling update may run; 0 for Recreate.</summary>
    public static int MaxSurge(Deployment deployment)
    {
        if (!IsRollingUpdate(deployment))
        {
            return 0;
        }
        RollingUpdateDeployment? rolling = deployment.Spec.Strategy?.RollingUpdate;
        return ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, Replicas(deployment)).Surge;
    }

    /// <summary>How many of spec.replicas may be unavailable during a rolling update, at most all of them; 0 for Recreate.</summary>
    public static int MaxUnavailable(Deployment deployment)
    {
        int replicas = Replicas(deployment);
        if (!IsRollingUpdate(deployment) || replicas == 0)
        {
            return 0;
        }
        RollingUpdateDeployment? rolling = deployment.Spec.Strategy?.RollingUpdate;
        return Math.Min(ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, replicas).Unavailable, replicas);
    }

    /// <summary>Sum of spec.replicas.</summary>
    public static int SpecReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.Sum(rs => rs is null ? 0 : Replicas(rs));

    /// <summary>Sum of status.replicas (pods that exist).</summary>
    public static int ActualReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.Sum(rs => rs?.Status.Replicas ?? 0);

    public static int ReadyReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.Sum(rs => rs?.Status.ReadyReplicas ?? 0);

    public static int AvailableReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.Sum(rs => rs?.Status.AvailableReplicas ?? 0);

    /// <summary>The ReplicaSets with spec.replicas above zero.</summary>
    public static List<ReplicaSet> Active(IEnumerable<ReplicaSet?> replicaSets) =>
        [.. replicaSets.Where(rs => rs is not null && Replicas(rs) > 0).Select(rs => rs!)];

    /// <summary>The new ReplicaSet is at full size, sized for the current replicas, and all of it available.</summary>
    public static bool IsSaturated(Deployment deployment, ReplicaSet? rs)
    {
        int replicas = Replicas(deployment);
        return rs is not null
            && DeploymentAnnotations.DesiredReplicasOf(rs) == replicas
            && Replicas(rs) == replicas
            && (rs.Status.AvailableReplicas ?? 0) == replicas;
    }

    /// <summary>
    /// The new ReplicaSet's next size: for a rolling update, grown by what the surge allows over all ReplicaSets'
    /// spec.replicas, never above spec.replicas; for Recreate, spec.replicas at once.
    /// </summary>
    public static int NewReplicaSetReplicas(Deployment deployment, IEnumerable<ReplicaSet?> all, ReplicaSet newRs)
    {
        int replicas = Replicas(deployment);
        if (!IsRollingUpdate(deployment))
        {
            return replicas;
        }
        int surge = Scale(deployment.Spec.Strategy?.RollingUpdate?.MaxSurge, replicas, roundUp: true);
        int current = SpecReplicas(all);
        int maxTotal = replicas + surge;
        if (current >= maxTotal)
        {
            return Replicas(newRs);
        }
        int scaleUp = Math.Min(maxTotal - current, replicas - Replicas(newRs));
        return Replicas(newRs) + scaleUp;
    }

    /// <summary>
    /// A ReplicaSet's share of <paramref name="toAdd"/> (negative when shrinking) when the Deployment is resized
    /// mid-rollout: its size times the new total (replicas + surge) over the total it was sized for (its
    /// max-replicas annotation, else the Deployment's status.replicas), capped by what is left to hand out.
    /// </summary>
    public static int Proportion(ReplicaSet rs, Deployment deployment, int toAdd, int added)
    {
        if (Replicas(rs) == 0 || toAdd == 0 || toAdd == added)
        {
            return 0;
        }
        int fraction = Fraction(rs, deployment);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    private static int Fraction(ReplicaSet rs, Deployment deployment)
    {
        int replicas = Replicas(deployment);
        if (replicas == 0)
        {
            return -Replicas(rs);
        }
        int total = replicas + MaxSurge(deployment);
        int sizedFor = DeploymentAnnotations.MaxReplicasOf(rs) ?? deployment.Status.Replicas ?? 0;
        if (sizedFor <= 0)
        {
            // Nothing to scale against (Kubernetes divides by zero here): the ReplicaSet takes the whole new total.
            return total - Replicas(rs);
        }
        double size = (double)Replicas(rs) * total / sizedFor;
        return (int)Math.Round(size, MidpointRounding.AwayFromZero) - Replicas(rs);
    }

    private static int Scale(IntOrString? bound, int total, bool roundUp) =>
        bound is { } value && value.TryScale(total, roundUp, out int scaled) ? scaled : 0;
}

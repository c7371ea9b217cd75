using System.Globalization;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// The annotations the deployment controller keeps on Deployments and their ReplicaSets (Kubernetes' deploymentutil):
/// the revision of each template, the revisions a reused ReplicaSet had before a rollback, and the replica counts a
/// ReplicaSet was last sized for, which proportional scaling reads.
/// </summary>
internal static class DeploymentAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";
    public const string DeprecatedRollbackTo = "deprecated.deployment.rollback.to";

    /// <summary>revision-history stops growing past this many characters (Kubernetes' limit).</summary>
    public const int MaxRevisionHistoryChars = 2000;

    /// <summary>Deployment annotations never copied to its ReplicaSets: the controller's own, and kubectl apply's.</summary>
    private static readonly HashSet<string> s_notCopied = new(StringComparer.Ordinal)
    {
        LastAppliedConfiguration, Revision, RevisionHistory, DesiredReplicas, MaxReplicas, DeprecatedRollbackTo,
    };

    /// <summary>The revision annotation's value; false when absent or not a number.</summary>
    public static bool TryRevision(IKubernetesObject value, out long revision)
    {
        revision = 0;
        return value.Metadata.Annotations?.TryGetValue(Revision, out string? text) == true
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out revision);
    }

    /// <summary>The highest revision among <paramref name="replicaSets"/>; 0 when none has one.</summary>
    public static long MaxRevision(IEnumerable<ReplicaSet> replicaSets)
    {
        long max = 0;
        foreach (ReplicaSet rs in replicaSets)
        {
            if (TryRevision(rs, out long revision) && revision > max)
            {
                max = revision;
            }
        }
        return max;
    }

    public static int? DesiredReplicasOf(ReplicaSet rs) => IntAnnotation(rs, DesiredReplicas);

    public static int? MaxReplicasOf(ReplicaSet rs) => IntAnnotation(rs, MaxReplicas);

    public static bool ReplicasNeedUpdate(ReplicaSet rs, int desired, int max) =>
        Get(rs, DesiredReplicas) != Format(desired) || Get(rs, MaxReplicas) != Format(max);

    /// <summary>Records the Deployment's size (replicas, and replicas + maxSurge) on the ReplicaSet; true if changed.</summary>
    public static bool SetReplicas(ReplicaSet rs, int desired, int max)
    {
        Dictionary<string, string> annotations = rs.Metadata.Annotations ??= [];
        bool changed = Set(annotations, DesiredReplicas, Format(desired));
        return Set(annotations, MaxReplicas, Format(max)) || changed;
    }

    /// <summary>Sets the Deployment's revision annotation; true if it changed.</summary>
    public static bool SetDeploymentRevision(Deployment deployment, string revision) =>
        Set(deployment.Metadata.Annotations ??= [], Revision, revision);

    /// <summary>
    /// Brings the new ReplicaSet's annotations up to date (Kubernetes' SetNewReplicaSetAnnotations): the Deployment's
    /// own annotations (kubernetes.io/change-cause among them) are copied; the revision is raised to
    /// <paramref name="newRevision"/>, never lowered; a ReplicaSet that had a revision and gets a higher one is being
    /// reused by a rollback, so its old revision is appended to revision-history; and a ReplicaSet about to be
    /// created gets the replica annotations. True if anything changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(Deployment deployment, ReplicaSet rs, long newRevision, bool exists, int maxSurge, ILogger logger)
    {
        Dictionary<string, string> annotations = rs.Metadata.Annotations ??= [];
        bool changed = CopyFromDeployment(deployment, annotations);
        bool had = annotations.TryGetValue(Revision, out string? oldText);
        long oldRevision = 0;
        if (had && !long.TryParse(oldText, NumberStyles.None, CultureInfo.InvariantCulture, out oldRevision))
        {
            // Kubernetes leaves a ReplicaSet with an unreadable revision alone.
            return false;
        }
        if (oldRevision < newRevision)
        {
            annotations[Revision] = Format(newRevision);
            changed = true;
            if (had)
            {
                AppendHistory(rs, annotations, oldText!, logger);
            }
        }
        int replicas = RolloutMath.Replicas(deployment);
        if (!exists && SetReplicas(rs, replicas, replicas + maxSurge))
        {
            changed = true;
        }
        return changed;
    }

    private static bool CopyFromDeployment(Deployment deployment, Dictionary<string, string> target)
    {
        bool changed = false;
        foreach ((string key, string value) in deployment.Metadata.Annotations ?? [])
        {
            if (s_notCopied.Contains(key) || (target.TryGetValue(key, out string? current) && current == value))
            {
                continue;
            }
            target[key] = value;
            changed = true;
        }
        return changed;
    }

    // The oldest entries are dropped to make room; if the newest alone does not fit, nothing is appended.
    private static void AppendHistory(ReplicaSet rs, Dictionary<string, string> annotations, string oldRevision, ILogger logger)
    {
        string history = annotations.GetValueOrDefault(RevisionHistory, "");
        if (history.Length == 0)
        {
            annotations[RevisionHistory] = oldRevision;
            return;
        }
        var entries = new List<string>(history.Split(','));
        int length = history.Length + oldRevision.Length + 1;
        while (length > MaxRevisionHistoryChars && entries.Count > 0)
        {
            length -= entries[0].Length + 1;
            entries.RemoveAt(0);
        }
        if (length > MaxRevisionHistoryChars)
        {
            DeploymentLog.RevisionHistoryFull(logger, rs.Metadata.Name ?? "", MaxRevisionHistoryChars);
            return;
        }
        entries.Add(oldRevision);
        annotations[RevisionHistory] = string.Join(',', entries);
    }

    private static int? IntAnnotation(ReplicaSet rs, string key) =>
        int.TryParse(Get(rs, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static string? Get(ReplicaSet rs, string key) => rs.Metadata.Annotations?.GetValueOrDefault(key);

    private static bool Set(Dictionary<string, string> annotations, string key, string value)
    {
        if (annotations.TryGetValue(key, out string? current) && current == value)
        {
            return false;
        }
        annotations[key] = value;
        return true;
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Testing;

/// <summary>
/// What a delete does besides removing: the garbage collector's finalizers for a propagation policy (as
/// kube-apiserver's registry adds them) and the graceful deletion of pods and namespaces (as the server's deletion
/// policies do).
/// </summary>
internal static class DeletionRules
{
    /// <summary>Holds an owner until the garbage collector has deleted its dependents (propagationPolicy=Foreground).</summary>
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Holds an owner until the garbage collector has removed it from its dependents' owner references (Orphan).</summary>
    public const string OrphanFinalizer = "orphan";

    /// <summary>
    /// Rewrites the GC finalizers for the delete's policy: an explicit orphanDependents or propagationPolicy decides;
    /// without one, a GC finalizer already present stays (a repeated delete keeps the first policy); Background
    /// (the default) adds none and removes both.
    /// </summary>
    public static void ApplyPropagation(ObjectMeta meta, DeleteOptions options)
    {
        List<string> finalizers = meta.Finalizers ?? [];
        bool orphan = Decide(options, finalizers, "Orphan", OrphanFinalizer, ForegroundFinalizer, explicitOrphan: true);
        bool foreground = Decide(options, finalizers, "Foreground", ForegroundFinalizer, OrphanFinalizer, explicitOrphan: false);
        List<string> next = [.. finalizers.Where(f => f is not (OrphanFinalizer or ForegroundFinalizer))];
        if (orphan)
        {
            next.Add(OrphanFinalizer);
        }
        if (foreground)
        {
            next.Add(ForegroundFinalizer);
        }
        if (!next.ToHashSet(StringComparer.Ordinal).SetEquals(finalizers))
        {
            meta.Finalizers = next.Count == 0 ? null : next;
        }
    }

    /// <summary>
    /// Marks a pod bound to a node (deletionTimestamp = now + grace) or a namespace with spec finalizers (Terminating)
    /// instead of deleting it; false when the object should go at once.
    /// </summary>
    public static bool BeginGracefulDeletion<T>(T value, DeleteOptions options, DateTime now, InMemoryClusterOptions cluster)
    {
        switch (value)
        {
            case Pod pod when cluster.GracefulPodDeletion:
                long grace = options.GracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
                bool finished = pod.Status?.Phase is "Succeeded" or "Failed";
                if (string.IsNullOrEmpty(pod.Spec.NodeName) || finished || grace <= 0)
                {
                    return false;
                }
                pod.Metadata.DeletionTimestamp = now.AddSeconds(grace);
                pod.Metadata.DeletionGracePeriodSeconds = grace;
                return true;
            case Namespace ns when (ns.Spec?.Finalizers?.Count ?? 0) > 0:
                ns.Metadata.DeletionTimestamp = now;
                ns.Metadata.DeletionGracePeriodSeconds = 0;
                ns.Status ??= new NamespaceStatus();
                ns.Status.Phase = "Terminating";
                return true;
            default:
                return false;
        }
    }

    // explicitOrphan: orphanDependents=true means orphan (and never foreground); false means neither.
    private static bool Decide(DeleteOptions options, List<string> finalizers, string policy, string mine, string other, bool explicitOrphan)
    {
        if (options.OrphanDependents is { } orphanDependents)
        {
            return explicitOrphan && orphanDependents;
        }
        if (options.PropagationPolicy is { } given)
        {
            return given == policy;
        }
        foreach (string finalizer in finalizers)
        {
            if (finalizer == mine)
            {
                return true;
            }
            if (finalizer == other)
            {
                return false;
            }
        }
        return false;
    }
}

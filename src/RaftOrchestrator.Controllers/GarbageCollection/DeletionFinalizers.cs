using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>The finalizers the API server adds for a propagation policy, and the states they mark.</summary>
internal static class DeletionFinalizers
{
    /// <summary>propagationPolicy=Foreground: the object stays until its blocking dependents are gone.</summary>
    public const string Foreground = "foregroundDeletion";

    /// <summary>propagationPolicy=Orphan: the object stays until its dependents no longer refer to it.</summary>
    public const string Orphan = "orphan";

    public static bool Has(ObjectMeta meta, string finalizer) => meta.Finalizers?.Contains(finalizer) == true;

    /// <summary>Being deleted, with the collector's part (foreground) still to do.</summary>
    public static bool IsDeletingDependents(ObjectMeta meta) => meta.DeletionTimestamp is not null && Has(meta, Foreground);

    public static bool IsOrphaning(ObjectMeta meta) => meta.DeletionTimestamp is not null && Has(meta, Orphan);
}

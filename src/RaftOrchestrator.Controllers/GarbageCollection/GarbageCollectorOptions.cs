namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>Tunables of the garbage collector.</summary>
public sealed record GarbageCollectorOptions
{
    /// <summary>
    /// Resources (qualified plurals, "events" or "deployments.apps") the collector neither watches nor collects;
    /// owner references to them are still resolved by live reads. Kubernetes ignores events by default: they are
    /// numerous, short-lived, and never owners.
    /// </summary>
    public IReadOnlySet<string> IgnoredResources { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "events", "events.events.k8s.io" };

    /// <summary>How many absent owner uids are remembered (Kubernetes keeps 500).</summary>
    public int AbsentOwnerCacheSize { get; init; } = 500;
}

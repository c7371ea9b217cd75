namespace RaftOrchestrator.Testing;

/// <summary>Settings of an <see cref="InMemoryClusterClient"/>.</summary>
public sealed record InMemoryClusterOptions
{
    /// <summary>
    /// Pods bound to a node are deleted gracefully, as the server does: marked with a deletionTimestamp and a grace
    /// period, and gone only when deleted again with gracePeriodSeconds 0 (the node agent's part). Off: every pod
    /// delete is immediate (unless finalizers hold it).
    /// </summary>
    public bool GracefulPodDeletion { get; init; } = true;

    /// <summary>Seeds the uids and generateName suffixes, so a test's objects are the same on every run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The kinds served; every stored kind of the catalog can be used through <see cref="InMemoryClusterClient.Resource{T}"/>.</summary>
    public Api.Registration.ApiCatalog Catalog { get; init; } = Api.Registration.ApiCatalog.Default;
}

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>What one pass left of one kind in a terminating namespace.</summary>
/// <param name="Resource">"pods." or "deployments.apps": resource and group, as the namespace conditions name them.</param>
/// <param name="Remaining">Objects still there after the deletes.</param>
/// <param name="Finalizers">How many of them each finalizer holds.</param>
/// <param name="EstimateSeconds">How long the rest should take to go.</param>
/// <param name="Error">Why the pass failed for this kind; null when it did not.</param>
internal sealed record ContentDeletion(string Resource, int Remaining, IReadOnlyDictionary<string, int> Finalizers, long EstimateSeconds, string? Error)
{
    public static ContentDeletion Failed(string resource, string error) => new(resource, 0, new Dictionary<string, int>(), 0, error);
}

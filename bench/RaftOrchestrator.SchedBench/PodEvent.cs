namespace RaftOrchestrator.SchedBench;

/// <summary>
/// What the benchmark reads of one pod watch event: its type (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR), the
/// event's resourceVersion, and the pod's namespace, name and spec.nodeName (null when unset). An ERROR event
/// carries the Status message in <see cref="Name"/>.
/// </summary>
internal readonly record struct PodEvent(string Type, long ResourceVersion, string? Namespace, string? Name, string? NodeName)
{
    /// <summary>The type given to the pods of a re-list (after a 410), which are not watch events.</summary>
    public const string Listed = "LISTED";

    public bool IsObject => Type is "ADDED" or "MODIFIED" or "DELETED" or Listed;
}

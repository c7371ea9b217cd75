namespace RaftOrchestrator.BenchHarness.Pods;

/// <summary>
/// What the benchmarks read of one pod watch event: its type (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR), revision,
/// the pod's place, its node (null: unbound), its phase and its Ready condition. For ERROR, <see cref="Name"/> carries the message.
/// </summary>
public readonly record struct PodFrame(string Type, long Revision, string? Namespace, string? Name, string? NodeName, string? Phase, bool Ready)
{
    public bool Bound => NodeName is not null;
}

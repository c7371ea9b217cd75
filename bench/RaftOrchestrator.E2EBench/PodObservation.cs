namespace RaftOrchestrator.E2EBench;

/// <summary>
/// What the benchmark reads of one pod watch event: its type (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR), revision,
/// the pod's place, whether it is bound, its phase and its Ready condition. For ERROR, <see cref="Name"/> carries the message.
/// </summary>
internal readonly record struct PodObservation(string Type, long Revision, string? Namespace, string? Name, bool Bound, string? Phase, bool Ready);

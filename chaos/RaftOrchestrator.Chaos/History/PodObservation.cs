namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// A pod as listed, reduced to what the invariants need: its uid (the identity that survives delete and re-create
/// under the same name), the node it is bound to, its summed container requests, whether it is terminal
/// (Succeeded/Failed: it no longer holds resources), terminating (deletionTimestamp set), Ready, and the
/// Deployment that owns it (via its ReplicaSet; "namespace/name"), if any.
/// </summary>
public sealed record PodObservation(
    string Uid,
    string Namespace,
    string Name,
    string? NodeName,
    long CpuMilli,
    long MemoryBytes,
    bool Ready = false,
    bool Terminal = false,
    bool Terminating = false,
    string? Deployment = null);

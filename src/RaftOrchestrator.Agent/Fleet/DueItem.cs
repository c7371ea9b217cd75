namespace RaftOrchestrator.Agent.Fleet;

/// <summary>One entry of the fleet's timer queue: a pod timer (with the pod's generation when set) or a node's lease renewal (by the node's ordinal).</summary>
internal readonly record struct DueItem(DueKind Kind, FleetPod? Pod, int Node, int Generation)
{
    /// <summary>When it was due (UTC ticks), set by <see cref="DueQueue.Schedule"/>: periodic items reschedule from it, not from now, so they never drift.</summary>
    public long At { get; init; }

    public static DueItem ForPod(DueKind kind, FleetPod pod) => new(kind, pod, -1, pod.Generation);

    public static DueItem ForLease(DueKind kind, int node) => new(kind, null, node, 0);
}

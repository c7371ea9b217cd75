using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A PostFilter outcome: on success the node to nominate and the pods to evict there (the driver deletes them
/// and sets status.nominatedNodeName); otherwise a status whose message ends up after "preemption:" in FitError.
/// </summary>
public sealed record PostFilterResult(Status Status, string? NominatedNodeName = null, IReadOnlyList<PodInfo>? Victims = null)
{
    public static PostFilterResult Unschedulable(string plugin, string message) =>
        new(Status.Unschedulable(plugin, message));
}

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// What the monitor last saw of one node. <see cref="ProbeTimestamp"/> is the controller's own clock reading when it
/// last saw a heartbeat change (the Ready condition's lastHeartbeatTime, or the lease's renewTime move forward), so
/// the grace period is measured on one clock and a skewed agent clock cannot shorten or stretch it. The heartbeat
/// values themselves are only compared with their previous values, never with the controller's clock.
/// </summary>
internal sealed record NodeHealth
{
    public required DateTimeOffset ProbeTimestamp { get; init; }

    public required DateTimeOffset ReadyTransitionTimestamp { get; init; }

    /// <summary>Whether the node's status had a Ready condition when last seen.</summary>
    public bool HasReady { get; init; }

    /// <summary>
    /// The Ready status as of the monitor's last pass, including its own write of Unknown: what the zone queues act
    /// on, since the node cache may not have caught up with that write yet.
    /// </summary>
    public string? ReadyStatus { get; init; }

    public DateTime? ReadyHeartbeat { get; init; }

    public DateTime? ReadyTransition { get; init; }

    /// <summary>The node lease's renewTime when last seen (null: no lease seen yet).</summary>
    public DateTime? LeaseRenewTime { get; init; }
}

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>A snapshot of a fleet's counters (totals since it started) and of its current pods.</summary>
public sealed record FleetStats
{
    public int NodesRegistered { get; init; }

    /// <summary>Pods bound to the fleet's nodes that it tracks now.</summary>
    public int Pods { get; init; }

    /// <summary>Of <see cref="Pods"/>, those whose containers run (written or not yet).</summary>
    public int PodsRunning { get; init; }

    /// <summary>Of <see cref="Pods"/>, those being stopped or deleted.</summary>
    public int PodsTerminating { get; init; }

    public long StatusWrites { get; init; }

    public long StatusConflicts { get; init; }

    public long PodWriteFailures { get; init; }

    /// <summary>Final deletes (grace 0) the server accepted.</summary>
    public long PodsDeleted { get; init; }

    public long LeaseRenewals { get; init; }

    public long LeaseFailures { get; init; }

    public long WatchEvents { get; init; }

    /// <summary>Full lists of pods (the first one included).</summary>
    public long PodLists { get; init; }

    /// <summary>Pods waiting for a write slot.</summary>
    public int WriteQueue { get; init; }
}

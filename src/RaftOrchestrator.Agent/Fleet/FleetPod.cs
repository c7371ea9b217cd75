using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// What the fleet keeps of one pod bound to one of its nodes: identity, the few spec fields a status needs, and the
/// simulation's state. Small on purpose (no Pod object is kept), so 50,000 pods cost a few megabytes.
/// </summary>
/// <remarks>
/// Every mutable field is guarded by the fleet's lock. Two version counters make status writes coalesce:
/// <see cref="StatusVersion"/> moves on every change that alters the status, <see cref="WrittenVersion"/> is the
/// version the server last accepted; a write is due while they differ, and a write always carries the latest state
/// (never a queue of intermediate ones). <see cref="Queued"/> and <see cref="InFlight"/> keep a pod at most once in
/// the write queue and at most one write per pod in flight.
/// </remarks>
internal sealed class FleetPod(string @namespace, string name, string uid, FleetNode node)
{
    public string Namespace { get; } = @namespace;

    public string Name { get; } = name;

    public string Uid { get; } = uid;

    public FleetNode Node { get; } = node;

    public string Key => Namespace + "/" + Name;

    public FleetPodState State { get; set; }

    /// <summary>Bumped whenever a timer is set; a due item carrying an older value is stale and ignored.</summary>
    public int Generation { get; set; }

    /// <summary>The resourceVersion last seen (watch or own write): the precondition of the next status write.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Revision the fleet's last status write produced; older watch events never trigger a rewrite.</summary>
    public long WrittenRevision { get; set; }

    public int StatusVersion { get; set; }

    public int WrittenVersion { get; set; }

    public bool Queued { get; set; }

    public bool InFlight { get; set; }

    /// <summary>A write conflicted: the next watch event of this pod (carrying the newer resourceVersion) requeues it.</summary>
    public bool AwaitingEvent { get; set; }

    /// <summary>Removed from the fleet (deleted, or gone from the API): every queued item for it is dropped.</summary>
    public bool Removed { get; set; }

    /// <summary>Pod IP slot on the node (see <see cref="FleetNode.TakeSlot"/>); 0 for none.</summary>
    public int IpSlot { get; set; }

    public required string[] Containers { get; init; }

    public required string[] Images { get; init; }

    public required string[] InitContainers { get; init; }

    public required string[] InitImages { get; init; }

    /// <summary>Always, OnFailure or Never.</summary>
    public required string RestartPolicy { get; init; }

    /// <summary>Grace period of the pod's deletion (caps the simulated stop).</summary>
    public long DeletionGraceSeconds { get; set; }

    /// <summary>Conditions the kubelet does not own (PodScheduled, DisruptionTarget, readiness gates): written back as seen.</summary>
    public List<PodCondition>? ForeignConditions { get; set; }

    public string? QosClass { get; set; }

    public string? NominatedNodeName { get; set; }

    /// <summary>When the fleet accepted the pod (status.startTime).</summary>
    public DateTime StartTime { get; set; }

    /// <summary>When the running attempt's containers started.</summary>
    public DateTime? ContainersStartedAt { get; set; }

    /// <summary>When the last failed attempt started (its containers exit at once, so also when it finished).</summary>
    public DateTime? LastStartedAt { get; set; }

    public DateTime? LastFinishedAt { get; set; }

    public int RestartCount { get; set; }

    /// <summary>When the Ready condition last changed.</summary>
    public DateTime ReadyTransition { get; set; }

    /// <summary>The current crash-loop back-off (zero before the first failure).</summary>
    public TimeSpan BackOff { get; set; }

    /// <summary>Whether a status write is due: something changed since the server last accepted one.</summary>
    public bool StatusDirty => StatusVersion != WrittenVersion;

    /// <summary>Whether the write pool has something to do for this pod now.</summary>
    public bool HasWork => !Removed && (State == FleetPodState.Deleting || (StatusDirty && State is FleetPodState.Running or FleetPodState.BackOff or FleetPodState.Failed));
}

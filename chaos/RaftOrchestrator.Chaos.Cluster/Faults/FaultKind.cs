namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>The named faults (<see cref="FaultNames"/> gives their printed names). Each one is bounded and healed.</summary>
public enum FaultKind
{
    /// <summary>kill -9 of the leader; restarted after the duration.</summary>
    KillLeader,

    /// <summary>kill -9 of a member picked by the plan; restarted after the duration.</summary>
    KillRandom,

    /// <summary>SIGTERM of a member picked by the plan (a graceful stop); started again after the duration.</summary>
    RestartMember,

    /// <summary>SIGSTOP of the leader, SIGCONT after the duration.</summary>
    PauseLeader,

    /// <summary>The leader's links to every other member cut both ways (it keeps its clients).</summary>
    PartitionLeader,

    /// <summary>Both directions between two members cut.</summary>
    CutLink,

    /// <summary>One direction between two members blackholed (requests one way, or replies the other).</summary>
    OneWayCut,

    /// <summary>Every link between members delayed by 75 ms ± 50 ms per chunk (etcd's DelayPeerNetwork).</summary>
    DelayLinks,

    /// <summary>Every link between members drops chunks with a probability (see <see cref="Net.DropMode"/>).</summary>
    DropLinks,

    /// <summary>kill -9 of every member, then all restarted after the duration.</summary>
    KillAllRestart,

    /// <summary>A follower removed through the Cluster API, wiped, and added back with --join.</summary>
    RemoveReaddMember,
}

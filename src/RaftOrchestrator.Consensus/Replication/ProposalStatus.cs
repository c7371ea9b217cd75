namespace RaftOrchestrator.Consensus.Replication;

/// <summary>How a proposal ended. Only <see cref="Applied"/> carries a result; the others are expected outcomes, not errors.</summary>
public enum ProposalStatus
{
    /// <summary>Committed by a majority (on stable storage) and applied on this replica.</summary>
    Applied = 0,
    /// <summary>No leader accepted it in time; it may still be applied later (etcd: "request timed out").</summary>
    TimedOut,
    /// <summary>The replica is shutting down.</summary>
    Stopped,
    /// <summary>The command is larger than an entry may be (etcd: "request is too large").</summary>
    TooLarge,
}

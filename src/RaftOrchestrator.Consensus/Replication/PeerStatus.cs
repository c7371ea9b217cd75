namespace RaftOrchestrator.Consensus.Replication;

/// <summary>The answer of a member asked to act as leader. Values are on the wire between members: never renumber.</summary>
public enum PeerStatus
{
    Ok = 0,
    /// <summary>The member asked is not (or no longer) the leader.</summary>
    NotLeader = 1,
    /// <summary>It could not be reached or did not answer in time.</summary>
    Unavailable = 2,
    /// <summary>The request was malformed (a forwarded entry that is not ours).</summary>
    Invalid = 3,
    /// <summary>The lease named does not exist.</summary>
    LeaseNotFound = 4,
}

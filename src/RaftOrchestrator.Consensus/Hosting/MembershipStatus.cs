namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>The end of a membership change. Values, not exceptions: a caller on a follower retries on the leader.</summary>
public enum MembershipStatus
{
    Ok = 0,
    NotLeader,
    /// <summary>The new member did not answer (it must be running before it is added), or the change did not commit.</summary>
    Failed,
    NotFound,
    AlreadyMember,
}

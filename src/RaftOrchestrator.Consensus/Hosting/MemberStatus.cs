namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>A replica's own view of itself (etcd's Maintenance.Status and more).</summary>
public sealed record MemberStatus(
    ulong MemberId,
    string Name,
    long Term,
    ulong LeaderId,
    bool IsLeader,
    bool IsMember,
    long AppliedIndex,
    long CommittedIndex,
    long LastIndex,
    long Revision,
    long CompactRevision,
    long DataSize,
    long SnapshotIndex,
    long FollowerFlushes,
    int Restarts);

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// The kind of a replicated command, stored in the first byte of its <see cref="CommandEnvelope"/> (Nomad's
/// MessageType). Values are the wire contract: never renumber. A type with
/// <see cref="CommandTypes.IgnoreIfUnknown"/> set may be skipped by a replica that does not know it; any other
/// unknown type stops the replica, because applying the log without it would diverge from the members that
/// do know it.
/// </summary>
public enum CommandType : byte
{
    /// <summary>A store transaction (compares, success and failure operations).</summary>
    Txn = 1,
    Compact = 2,
    LeaseGrant = 3,
    LeaseRevoke = 4,
    /// <summary>Remaining TTLs of leases, so a new leader extends rather than expires them.</summary>
    LeaseCheckpoint = 5,
    /// <summary>A member's name and client URLs (etcd's member attributes), published by the member itself.</summary>
    MemberAttributes = 6,
    /// <summary>Forgets a removed member's attributes.</summary>
    MemberForget = 7,
}

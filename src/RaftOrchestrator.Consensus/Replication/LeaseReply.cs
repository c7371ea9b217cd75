namespace RaftOrchestrator.Consensus.Replication;

/// <summary>A leader's answer about a lease: seconds left (<see cref="Ttl"/>) and the TTL it was granted with.</summary>
public readonly record struct LeaseReply(PeerStatus Status, long Ttl, long GrantedTtl);

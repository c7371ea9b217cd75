namespace RaftOrchestrator.Consensus.Replication;

/// <summary>A leader's answer to a forwarded proposal (the index it is applied at) or a read index request.</summary>
public readonly record struct PeerReply(PeerStatus Status, long Index);

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// How a follower reaches the leader for what only the leader can do: append a proposal, confirm its
/// leadership for a read index, and keep leases alive (DotNext's TCP transport has no leader forwarding).
/// The host implements it over its own channel (the server: gRPC on the members' client URLs). A failure
/// to reach the leader is a reply with <see cref="PeerStatus.Unavailable"/>, not an exception.
/// </summary>
public interface IPeerTransport
{
    Task<PeerReply> ForwardAsync(string leaderUrl, ReadOnlyMemory<byte> entry, CancellationToken cancellationToken);

    Task<PeerReply> ReadIndexAsync(string leaderUrl, CancellationToken cancellationToken);

    Task<LeaseReply> LeaseKeepAliveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken);

    Task<LeaseReply> LeaseTimeToLiveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken);
}

using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>
/// Forwards between replicas of one process by calling the leader's handlers directly (what the server's
/// gRPC peer service does over the network). A replica that is gone answers Unavailable.
/// </summary>
internal sealed class LoopbackPeerTransport : IPeerTransport
{
    private readonly Dictionary<string, ReplicatedStore> _replicas = [];
    private readonly Lock _lock = new();

    public void Register(string url, ReplicatedStore replica)
    {
        lock (_lock)
        {
            _replicas[url] = replica;
        }
    }

    public void Unregister(string url)
    {
        lock (_lock)
        {
            _replicas.Remove(url);
        }
    }

    public Task<PeerReply> ForwardAsync(string leaderUrl, ReadOnlyMemory<byte> entry, CancellationToken cancellationToken) =>
        Find(leaderUrl) is { } leader
            ? leader.AcceptForwardedAsync(entry.ToArray(), cancellationToken)
            : Task.FromResult(new PeerReply(PeerStatus.Unavailable, 0));

    public Task<PeerReply> ReadIndexAsync(string leaderUrl, CancellationToken cancellationToken) =>
        Find(leaderUrl) is { } leader
            ? leader.LeaderReadIndexAsync(cancellationToken)
            : Task.FromResult(new PeerReply(PeerStatus.Unavailable, 0));

    public Task<LeaseReply> LeaseKeepAliveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(leaderUrl)?.LeaderKeepAlive(leaseId) ?? new LeaseReply(PeerStatus.Unavailable, 0, 0));

    public Task<LeaseReply> LeaseTimeToLiveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(leaderUrl)?.LeaderTimeToLive(leaseId) ?? new LeaseReply(PeerStatus.Unavailable, 0, 0));

    private ReplicatedStore? Find(string url)
    {
        lock (_lock)
        {
            return _replicas.GetValueOrDefault(url);
        }
    }
}

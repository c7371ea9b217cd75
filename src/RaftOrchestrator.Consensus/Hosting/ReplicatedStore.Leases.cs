using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Storage.Leases;

namespace RaftOrchestrator.Consensus.Hosting;

public sealed partial class ReplicatedStore
{
    /// <summary>How often the leader looks for expired leases.</summary>
    private static readonly TimeSpan s_leaseTick = TimeSpan.FromMilliseconds(250);

    /// <summary>Revocations proposed per tick at most (etcd revokes at most 1,000 leases a second).</summary>
    private const int MaxRevokesPerTick = 250;

    /// <summary>Leases per checkpoint command.</summary>
    private const int CheckpointBatch = 1_000;

    /// <summary>Renews a lease for its whole TTL (LeaseKeepAlive); only the leader's clock counts, so a follower asks it.</summary>
    public Task<LeaseReply> KeepAliveAsync(long leaseId, CancellationToken cancellationToken) =>
        AtLeaderAsync(leaseId, LeaderKeepAlive, _transport.LeaseKeepAliveAsync, cancellationToken);

    /// <summary>Seconds left of a lease, as the leader's clock sees it (LeaseTimeToLive).</summary>
    public Task<LeaseReply> TimeToLiveAsync(long leaseId, CancellationToken cancellationToken) =>
        AtLeaderAsync(leaseId, LeaderTimeToLive, _transport.LeaseTimeToLiveAsync, cancellationToken);

    /// <summary>Leader side of a keep-alive.</summary>
    public LeaseReply LeaderKeepAlive(long leaseId)
    {
        if (!Node.IsLeader)
        {
            return new LeaseReply(PeerStatus.NotLeader, 0, 0);
        }
        if (_leases.TryRenew(leaseId, out long ttl))
        {
            return new LeaseReply(PeerStatus.Ok, ttl, ttl);
        }
        if (_hub.Kv.TryGetLease(leaseId, out LeaseInfo info))
        {
            // Applied here but not timed yet (this leader was promoted before it applied the grant).
            _leases.Granted(leaseId, info.TtlSeconds);
            return new LeaseReply(PeerStatus.Ok, info.TtlSeconds, info.TtlSeconds);
        }
        return new LeaseReply(PeerStatus.LeaseNotFound, 0, 0);
    }

    /// <summary>Leader side of a time-to-live question.</summary>
    public LeaseReply LeaderTimeToLive(long leaseId)
    {
        if (!Node.IsLeader)
        {
            return new LeaseReply(PeerStatus.NotLeader, 0, 0);
        }
        if (_leases.TryRemaining(leaseId, out long remaining, out long ttl))
        {
            return new LeaseReply(PeerStatus.Ok, remaining, ttl);
        }
        return _hub.Kv.TryGetLease(leaseId, out LeaseInfo info)
            ? new LeaseReply(PeerStatus.Ok, info.TtlSeconds, info.TtlSeconds)
            : new LeaseReply(PeerStatus.LeaseNotFound, 0, 0);
    }

    private async Task<LeaseReply> AtLeaderAsync(
        long leaseId,
        Func<long, LeaseReply> local,
        Func<string, long, CancellationToken, Task<LeaseReply>> remote,
        CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < _options.ProposalTimeout)
        {
            ConsensusNode node = Node;
            if (node.IsLeader)
            {
                LeaseReply reply = local(leaseId);
                if (reply.Status != PeerStatus.NotLeader)
                {
                    return reply;
                }
            }
            else if (node.Cluster.Leader is { } leader && LeaderUrl(node, leader) is { } url)
            {
                LeaseReply reply = await remote(url, leaseId, cancellationToken);
                if (reply.Status is PeerStatus.Ok or PeerStatus.LeaseNotFound)
                {
                    return reply;
                }
            }
            await Task.Delay(s_retryDelay, _time, cancellationToken);
        }
        return new LeaseReply(PeerStatus.Unavailable, 0, 0);
    }

    /// <summary>
    /// The leader's lease duties: propose the revocation of expired leases (rate-limited), and checkpoint the
    /// remaining TTLs now and then so that the next leader does not extend every lease to its full TTL.
    /// </summary>
    private async Task LeaseLoopAsync()
    {
        CancellationToken lifetime = _lifetime.Token;
        long lastCheckpoint = _time.GetTimestamp();
        while (!lifetime.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(s_leaseTick, _time, lifetime);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            List<long> expired = _leases.TakeExpired(MaxRevokesPerTick);
            if (expired.Count > 0)
            {
                ConsensusLog.LeasesExpired(_logger, expired.Count);
                foreach (long id in expired)
                {
                    _ = _pipeline.ProposeAsync(SmallCommands.LeaseRevoke(id));
                }
            }
            if (_leases.IsLeading && _time.GetElapsedTime(lastCheckpoint) >= _options.LeaseCheckpointInterval)
            {
                lastCheckpoint = _time.GetTimestamp();
                foreach (LeaseRemaining[] chunk in _leases.Remaining().Chunk(CheckpointBatch))
                {
                    _ = _pipeline.ProposeAsync(SmallCommands.LeaseCheckpoint(chunk));
                }
            }
        }
    }
}

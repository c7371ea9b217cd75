using DotNext.Net.Cluster.Consensus.Raft;
using RaftOrchestrator.Consensus.Replication;

namespace RaftOrchestrator.Consensus.Hosting;

public sealed partial class ReplicatedStore
{
    /// <summary>
    /// A linearizable read barrier (Raft's ReadIndex): once it returns <see cref="ReadStatus.Ok"/>, a read of
    /// the local <see cref="Store"/> sees every write acknowledged before the call, on any member. The leader
    /// confirms its leadership with a majority (DotNext's strong barrier, shared by concurrent readers); a
    /// follower asks the leader for that index and waits until it has applied it. DotNext's own follower
    /// barrier does not confirm leadership, so it is not used. Serializable reads skip this.
    /// </summary>
    public async Task<ReadStatus> ReadBarrierAsync(CancellationToken cancellationToken)
    {
        long index;
        try
        {
            index = await _reads.GetAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            return ReadStatus.TimedOut;
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return ReadStatus.Stopped;
        }
        await _applied.WaitAsync(index, cancellationToken);
        return ReadStatus.Ok;
    }

    /// <summary>Leader side of a follower's read index request: the index after confirming leadership.</summary>
    public async Task<PeerReply> LeaderReadIndexAsync(CancellationToken cancellationToken)
    {
        if (!Node.IsLeader)
        {
            return new PeerReply(PeerStatus.NotLeader, 0);
        }
        try
        {
            return new PeerReply(PeerStatus.Ok, await _leaderReads.GetAsync(cancellationToken));
        }
        catch (Exception e) when (e is NotLeaderException or QuorumUnreachableException or InvalidOperationException)
        {
            return new PeerReply(PeerStatus.NotLeader, 0);
        }
    }

    /// <summary>One read index round of <c>_reads</c>: from the local leader or the remote one, retried until the proposal timeout.</summary>
    private async Task<long> ReadIndexRoundAsync(CancellationToken lifetime)
    {
        long started = _time.GetTimestamp();
        try
        {
            return await ReadIndexAttemptsAsync(started, lifetime);
        }
        finally
        {
            ConsensusMetrics.ReadIndexDuration.Record(_time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<long> ReadIndexAttemptsAsync(long started, CancellationToken lifetime)
    {
        while (true)
        {
            lifetime.ThrowIfCancellationRequested();
            if (_time.GetElapsedTime(started) > _options.ProposalTimeout)
            {
                throw new TimeoutException("No leader confirmed a read index in time.");
            }
            ConsensusNode node = Node;
            RaftClusterMember? leader = node.Cluster.Leader;
            try
            {
                if (leader is { IsRemote: false })
                {
                    return await _leaderReads.GetAsync(lifetime);
                }
                if (leader is not null && LeaderUrl(node, leader) is { } url)
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
                    attempt.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1_000, 4 * _options.UpperElectionTimeout)));
                    PeerReply reply = await _transport.ReadIndexAsync(url, attempt.Token);
                    if (reply.Status == PeerStatus.Ok)
                    {
                        return reply.Index;
                    }
                }
            }
            catch (Exception e) when (e is NotLeaderException or QuorumUnreachableException or InvalidOperationException
                or OperationCanceledException && !lifetime.IsCancellationRequested)
            {
                // leadership moved while confirming it: ask again
            }
            await Task.Delay(s_retryDelay, _time, lifetime);
        }
    }

    /// <summary>One round of <c>_leaderReads</c>: DotNext's strong barrier, then the index applied here.</summary>
    private async Task<long> LeaderBarrierRoundAsync(CancellationToken lifetime)
    {
        ConsensusNode node = Node;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        attempt.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1_000, 4 * _options.UpperElectionTimeout)));
        await node.Cluster.ApplyReadBarrierAsync(ReadBarrierType.Strong, attempt.Token);
        return node.Machine.AppliedIndex;
    }
}

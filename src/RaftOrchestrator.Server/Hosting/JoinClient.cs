using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.EtcdApi.V3;
using RaftOrchestrator.Server.Peer;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// `--join`: asks a member of the cluster (any: a follower passes it to the leader) to add this running
/// replica, then waits until this replica sees itself in the configuration. Retried for a minute: the
/// cluster may be electing a leader, or the new member's catch-up may time out on a slow machine.
/// </summary>
internal sealed class JoinClient(PeerChannels channels, ILogger logger)
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(1);

    public async Task JoinAsync(string joinUrl, ReplicatedStore replica, CancellationToken cancellationToken)
    {
        string peerUrl = MemberIds.PeerUrl(replica.Options.PublicPeerEndPoint);
        ServerLog.Joining(logger, joinUrl, peerUrl);
        var client = new EtcdApi.V3.Cluster.ClusterClient(channels.For(joinUrl));
        long started = TimeProvider.System.GetTimestamp();
        while (!replica.IsMember)
        {
            if (TimeProvider.System.GetElapsedTime(started) > s_deadline)
            {
                throw new InvalidOperationException($"Could not join the cluster through {joinUrl} within {s_deadline.TotalSeconds} s.");
            }
            try
            {
                MemberAddResponse added = await client.MemberAddAsync(
                    new MemberAddRequest { PeerURLs = { peerUrl } },
                    deadline: DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20), DateTimeKind.Utc),
                    cancellationToken: cancellationToken);
                ServerLog.Joined(logger, added.Members.Count);
            }
            catch (RpcException e) when (e.Status.Detail.Contains("Peer URLs already exists", StringComparison.Ordinal))
            {
                // added by an earlier attempt whose answer was lost: wait for the configuration to arrive
            }
            catch (RpcException e)
            {
                ServerLog.JoinRetry(logger, e.Status.Detail);
            }
            for (int i = 0; i < 50 && !replica.IsMember; i++)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}

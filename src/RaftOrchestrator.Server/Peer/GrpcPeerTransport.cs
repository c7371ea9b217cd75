using Google.Protobuf;
using Grpc.Core;
using RaftOrchestrator.Consensus.Replication;
using Proto = RaftOrchestrator.EtcdApi.Peer;

namespace RaftOrchestrator.Server.Peer;

/// <summary>The replicas' <see cref="IPeerTransport"/> over the Peer gRPC service on the members' client URLs.</summary>
public sealed class GrpcPeerTransport(PeerChannels channels) : IPeerTransport
{
    public async Task<PeerReply> ForwardAsync(string leaderUrl, ReadOnlyMemory<byte> entry, CancellationToken cancellationToken)
    {
        try
        {
            Proto.ForwardResponse reply = await Client(leaderUrl).ForwardAsync(
                new Proto.ForwardRequest { Entry = UnsafeByteOperations.UnsafeWrap(entry) }, cancellationToken: cancellationToken);
            return new PeerReply((PeerStatus)reply.Status, reply.Index);
        }
        catch (RpcException)
        {
            return new PeerReply(PeerStatus.Unavailable, 0);
        }
    }

    public async Task<PeerReply> ReadIndexAsync(string leaderUrl, CancellationToken cancellationToken)
    {
        try
        {
            Proto.ReadIndexResponse reply = await Client(leaderUrl).ReadIndexAsync(new Proto.ReadIndexRequest(), cancellationToken: cancellationToken);
            return new PeerReply((PeerStatus)reply.Status, reply.Index);
        }
        catch (RpcException)
        {
            return new PeerReply(PeerStatus.Unavailable, 0);
        }
    }

    public async Task<LeaseReply> LeaseKeepAliveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken)
    {
        try
        {
            Proto.LeaseRenewResponse reply = await Client(leaderUrl).LeaseKeepAliveAsync(new Proto.LeaseRenewRequest { Id = leaseId }, cancellationToken: cancellationToken);
            return new LeaseReply((PeerStatus)reply.Status, reply.Ttl, reply.GrantedTtl);
        }
        catch (RpcException)
        {
            return new LeaseReply(PeerStatus.Unavailable, 0, 0);
        }
    }

    public async Task<LeaseReply> LeaseTimeToLiveAsync(string leaderUrl, long leaseId, CancellationToken cancellationToken)
    {
        try
        {
            Proto.LeaseRenewResponse reply = await Client(leaderUrl).LeaseTimeToLiveAsync(new Proto.LeaseRenewRequest { Id = leaseId }, cancellationToken: cancellationToken);
            return new LeaseReply((PeerStatus)reply.Status, reply.Ttl, reply.GrantedTtl);
        }
        catch (RpcException)
        {
            return new LeaseReply(PeerStatus.Unavailable, 0, 0);
        }
    }

    private Proto.Peer.PeerClient Client(string url) => new(channels.For(url));
}

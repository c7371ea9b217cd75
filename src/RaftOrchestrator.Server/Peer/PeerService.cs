using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using Proto = RaftOrchestrator.EtcdApi.Peer;

namespace RaftOrchestrator.Server.Peer;

/// <summary>The leader's side of <see cref="GrpcPeerTransport"/>: what other members ask of it.</summary>
internal sealed class PeerService(ReplicatedStore replica) : Proto.Peer.PeerBase
{
    public override async Task<Proto.ForwardResponse> Forward(Proto.ForwardRequest request, ServerCallContext context)
    {
        PeerReply reply = await replica.AcceptForwardedAsync(request.Entry.Memory, context.CancellationToken);
        return new Proto.ForwardResponse { Status = (int)reply.Status, Index = reply.Index };
    }

    public override async Task<Proto.ReadIndexResponse> ReadIndex(Proto.ReadIndexRequest request, ServerCallContext context)
    {
        PeerReply reply = await replica.LeaderReadIndexAsync(context.CancellationToken);
        return new Proto.ReadIndexResponse { Status = (int)reply.Status, Index = reply.Index };
    }

    public override Task<Proto.LeaseRenewResponse> LeaseKeepAlive(Proto.LeaseRenewRequest request, ServerCallContext context) =>
        Task.FromResult(ToWire(replica.LeaderKeepAlive(request.Id)));

    public override Task<Proto.LeaseRenewResponse> LeaseTimeToLive(Proto.LeaseRenewRequest request, ServerCallContext context) =>
        Task.FromResult(ToWire(replica.LeaderTimeToLive(request.Id)));

    private static Proto.LeaseRenewResponse ToWire(LeaseReply reply) =>
        new() { Status = (int)reply.Status, Ttl = reply.Ttl, GrantedTtl = reply.GrantedTtl };
}

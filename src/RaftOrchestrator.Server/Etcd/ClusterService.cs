using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.EtcdApi.V3;
using RaftOrchestrator.Server.Peer;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd's Cluster service. Membership changes run on the leader: a follower passes the call on to it.
/// Members are voters only (no learners). DotNext catches a new member up before it votes, so the new
/// member must be running (started with --join, or without --cluster-init) when it is added.
/// </summary>
internal sealed class ClusterService(ReplicatedStore replica, EtcdHeaders headers, PeerChannels channels) : EtcdApi.V3.Cluster.ClusterBase
{
    public override Task<MemberListResponse> MemberList(MemberListRequest request, ServerCallContext context)
    {
        var response = new MemberListResponse { Header = headers.Current() };
        response.Members.AddRange(Members());
        return Task.FromResult(response);
    }

    public override async Task<MemberAddResponse> MemberAdd(MemberAddRequest request, ServerCallContext context)
    {
        if (request.IsLearner)
        {
            throw EtcdErrors.Unsupported("learner members are not supported");
        }
        if (request.PeerURLs.Count != 1)
        {
            throw EtcdErrors.InvalidArgument("exactly one peer URL is expected");
        }
        System.Net.IPEndPoint peer;
        try
        {
            peer = MemberIds.Parse(request.PeerURLs[0]);
        }
        catch (Exception e) when (e is FormatException or UriFormatException or System.Net.Sockets.SocketException)
        {
            throw EtcdErrors.InvalidArgument($"bad peer URL '{request.PeerURLs[0]}': {e.Message}");
        }
        MembershipStatus status = await replica.AddMemberAsync(peer, context.CancellationToken);
        if (status == MembershipStatus.NotLeader)
        {
            return await Leader(context).MemberAddAsync(request, Forwarded, cancellationToken: context.CancellationToken);
        }
        Check(status);
        var response = new MemberAddResponse
        {
            Header = headers.Current(),
            Member = new Member { ID = MemberIds.Of(peer), PeerURLs = { MemberIds.PeerUrl(peer) } },
        };
        response.Members.AddRange(Members());
        return response;
    }

    public override async Task<MemberRemoveResponse> MemberRemove(MemberRemoveRequest request, ServerCallContext context)
    {
        MembershipStatus status = await replica.RemoveMemberAsync(request.ID, context.CancellationToken);
        if (status == MembershipStatus.NotLeader)
        {
            return await Leader(context).MemberRemoveAsync(request, Forwarded, cancellationToken: context.CancellationToken);
        }
        Check(status);
        var response = new MemberRemoveResponse { Header = headers.Current() };
        response.Members.AddRange(Members());
        return response;
    }

    public override Task<MemberUpdateResponse> MemberUpdate(MemberUpdateRequest request, ServerCallContext context) =>
        throw EtcdErrors.Unsupported("changing a member's peer URL is not supported: remove the member and add it again");

    public override Task<MemberPromoteResponse> MemberPromote(MemberPromoteRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.FailedPrecondition, "etcdserver: can only promote a learner member"));

    private IEnumerable<Member> Members() => replica.Members.Select(m =>
    {
        var member = new Member { ID = m.Id, Name = m.Name, PeerURLs = { m.PeerUrl } };
        member.ClientURLs.AddRange(m.ClientUrls);
        return member;
    });

    private EtcdApi.V3.Cluster.ClusterClient Leader(ServerCallContext context) =>
        replica.LeaderClientUrl is { } url && !context.RequestHeaders.Any(h => h.Key == ForwardedHeader)
            ? new EtcdApi.V3.Cluster.ClusterClient(channels.For(url))
            : throw EtcdErrors.NoLeader();

    /// <summary>Marks a call passed on to the leader, so that a call never travels between members twice.</summary>
    private const string ForwardedHeader = "rorch-forwarded";

    private static Metadata Forwarded => new() { { ForwardedHeader, "1" } };

    private static void Check(MembershipStatus status)
    {
        switch (status)
        {
            case MembershipStatus.Ok:
                return;
            case MembershipStatus.NotFound:
                throw EtcdErrors.MemberNotFound();
            case MembershipStatus.AlreadyMember:
                throw EtcdErrors.PeerUrlExists();
            default:
                throw new RpcException(new Status(StatusCode.Unavailable,
                    "etcdserver: the member did not catch up or the change did not commit (is the new member running?)"));
        }
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.EtcdApi.V3;
using RaftOrchestrator.Storage.Leases;
using Store = RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd's Lease service. Grants and revocations go through Raft; keep-alives and time-to-live questions are
/// answered by the leader's clock (a follower asks the leader), which also decides expiry.
/// </summary>
internal sealed class LeaseService(ReplicatedStore replica, EtcdHeaders headers) : Lease.LeaseBase
{
    /// <summary>etcd's MaxLeaseTTL.</summary>
    private const long MaxTtl = 9_000_000_000;

    /// <summary>etcd raises shorter TTLs to about 1.5 election timeouts, so an election cannot expire a lease by itself.</summary>
    private long MinTtl => Math.Max(1, (long)Math.Ceiling(1.5 * replica.Options.UpperElectionTimeout / 1000.0));

    public override async Task<LeaseGrantResponse> LeaseGrant(LeaseGrantRequest request, ServerCallContext context)
    {
        if (request.TTL > MaxTtl)
        {
            throw EtcdErrors.LeaseTtlTooLarge();
        }
        long id = request.ID != 0 ? request.ID : NewLeaseId();
        long ttl = Math.Max(request.TTL, MinTtl);
        ProposalOutcome outcome = await replica.GrantLeaseAsync(id, ttl, context.CancellationToken);
        if (!outcome.IsApplied)
        {
            throw EtcdErrors.From(outcome.Status);
        }
        return outcome.Result.Status == Store.StoreStatus.Ok
            ? new LeaseGrantResponse { Header = headers.At(outcome.Result.Revision), ID = id, TTL = ttl }
            : throw EtcdErrors.From(outcome.Result.Status);
    }

    public override async Task<LeaseRevokeResponse> LeaseRevoke(LeaseRevokeRequest request, ServerCallContext context)
    {
        ProposalOutcome outcome = await replica.RevokeLeaseAsync(request.ID, context.CancellationToken);
        if (!outcome.IsApplied)
        {
            throw EtcdErrors.From(outcome.Status);
        }
        return outcome.Result.Status == Store.StoreStatus.Ok
            ? new LeaseRevokeResponse { Header = headers.At(outcome.Result.Revision) }
            : throw EtcdErrors.From(outcome.Result.Status);
    }

    /// <summary>A keep-alive for a lease that does not exist (any more) answers TTL 0, as etcd does.</summary>
    public override async Task LeaseKeepAlive(
        IAsyncStreamReader<LeaseKeepAliveRequest> requestStream, IServerStreamWriter<LeaseKeepAliveResponse> responseStream, ServerCallContext context)
    {
        await foreach (LeaseKeepAliveRequest request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            LeaseReply reply = await replica.KeepAliveAsync(request.ID, context.CancellationToken);
            if (reply.Status is not (PeerStatus.Ok or PeerStatus.LeaseNotFound))
            {
                throw EtcdErrors.NoLeader();
            }
            await responseStream.WriteAsync(new LeaseKeepAliveResponse
            {
                Header = headers.Current(),
                ID = request.ID,
                TTL = reply.Status == PeerStatus.Ok ? reply.Ttl : 0,
            }, context.CancellationToken);
        }
    }

    /// <summary>A lease that does not exist answers TTL -1 (etcdctl prints "already expired").</summary>
    public override async Task<LeaseTimeToLiveResponse> LeaseTimeToLive(LeaseTimeToLiveRequest request, ServerCallContext context)
    {
        LeaseReply reply = await replica.TimeToLiveAsync(request.ID, context.CancellationToken);
        if (reply.Status is not (PeerStatus.Ok or PeerStatus.LeaseNotFound))
        {
            throw EtcdErrors.NoLeader();
        }
        var response = new LeaseTimeToLiveResponse { Header = headers.Current(), ID = request.ID, TTL = -1 };
        if (reply.Status == PeerStatus.Ok)
        {
            response.TTL = reply.Ttl;
            response.GrantedTTL = reply.GrantedTtl;
            if (request.Keys)
            {
                foreach (byte[] key in replica.Store.Kv.GetLeaseKeys(request.ID))
                {
                    response.Keys.Add(UnsafeByteOperations.UnsafeWrap(key));
                }
            }
        }
        return response;
    }

    public override Task<LeaseLeasesResponse> LeaseLeases(LeaseLeasesRequest request, ServerCallContext context)
    {
        var response = new LeaseLeasesResponse { Header = headers.Current() };
        foreach (LeaseInfo lease in replica.Store.Kv.ListLeases())
        {
            response.Leases.Add(new LeaseStatus { ID = lease.Id });
        }
        return Task.FromResult(response);
    }

    /// <summary>A random positive id (etcd's are positive int64s too).</summary>
    private static long NewLeaseId()
    {
        Span<byte> bytes = stackalloc byte[8];
        long id;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            id = BinaryPrimitives.ReadInt64LittleEndian(bytes) & long.MaxValue;
        }
        while (id == 0);
        return id;
    }
}

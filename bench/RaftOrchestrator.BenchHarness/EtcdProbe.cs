using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// The etcd v3 calls that tell the state of the cluster: Maintenance.Status (this member's id and who it believes
/// leads) and Cluster.MemberList (who has joined). One h2c channel per endpoint; every call has a 2 s deadline and
/// answers null or -1 instead of throwing when the member does not answer.
/// </summary>
public sealed class EtcdProbe : IDisposable
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(2);
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly Lock _lock = new();

    public async Task<StatusResponse?> StatusAsync(Replica replica, CancellationToken ct)
    {
        try
        {
            return await new Maintenance.MaintenanceClient(Channel(replica.EtcdUrl))
                .StatusAsync(new StatusRequest(), deadline: Deadline(), cancellationToken: ct);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>Members that have a client URL (have started), or -1 when the member does not answer.</summary>
    public async Task<int> StartedMembersAsync(Replica replica, CancellationToken ct)
    {
        try
        {
            MemberListResponse list = await new Cluster.ClusterClient(Channel(replica.EtcdUrl))
                .MemberListAsync(new MemberListRequest(), deadline: Deadline(), cancellationToken: ct);
            return list.Members.Count(m => m.ClientURLs.Count > 0);
        }
        catch (RpcException)
        {
            return -1;
        }
    }

    /// <summary>The replica that reports itself as leader, or null when none does.</summary>
    public async Task<Replica?> LeaderAsync(IReadOnlyList<Replica> replicas, CancellationToken ct)
    {
        foreach (Replica replica in replicas)
        {
            if (await StatusAsync(replica, ct) is { Leader: not 0 } status && status.Leader == status.Header.MemberId)
            {
                return replica;
            }
        }
        return null;
    }

    /// <summary>Polls every 200 ms until one replica reports itself leader; TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task<Replica> WaitForLeaderAsync(IReadOnlyList<Replica> replicas, TimeSpan timeout, CancellationToken ct)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (await LeaderAsync(replicas, ct) is { } leader)
            {
                return leader;
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"no replica reported itself leader within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(200, ct);
        }
    }

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime + s_callTimeout;

    private GrpcChannel Channel(Uri endpoint)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(endpoint, out GrpcChannel? channel))
            {
                channel = GrpcChannel.ForAddress(endpoint);
                _channels.Add(endpoint, channel);
            }
            return channel;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (GrpcChannel channel in _channels.Values)
            {
                channel.Dispose();
            }
            _channels.Clear();
        }
    }
}

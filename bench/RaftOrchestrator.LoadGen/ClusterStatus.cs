using Etcdserverpb;
using Grpc.Core;

namespace RaftOrchestrator.LoadGen;

/// <summary>Asks every endpoint for Maintenance.Status and finds the leader among them.</summary>
internal static class ClusterStatus
{
    public static async Task<IReadOnlyList<MemberStatus>> QueryAsync(
        IReadOnlyList<string> endpoints, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var channels = new ChannelSet();
        var calls = new List<Task<MemberStatus>>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var client = new Maintenance.MaintenanceClient(channels.Add(endpoint));
            calls.Add(QueryOneAsync(client, endpoint, timeout, cancellationToken));
        }

        return await Task.WhenAll(calls);
    }

    /// <summary>The index of the leader's endpoint, or -1 if no answering endpoint is the leader.</summary>
    public static int LeaderIndex(IReadOnlyList<MemberStatus> statuses)
    {
        for (var i = 0; i < statuses.Count; i++)
        {
            if (statuses[i].IsLeader)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Resolves --target to an endpoint index; -1 means spread over all endpoints.</summary>
    public static async Task<int> ResolveTargetAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        switch (settings.Target)
        {
            case "all":
                return -1;
            case "first":
                return 0;
            case "leader":
                var statuses = await QueryAsync(settings.Endpoints, TimeSpan.FromSeconds(2), cancellationToken);
                var leader = LeaderIndex(statuses);
                if (leader < 0)
                {
                    await Console.Error.WriteLineAsync("no leader via Maintenance.Status; using the first endpoint");
                }

                return Math.Max(0, leader);
            default:
                if (int.TryParse(settings.Target, out var index) && index >= 0 && index < settings.Endpoints.Count)
                {
                    return index;
                }

                throw new ArgumentException($"bad --target {settings.Target}");
        }
    }

    private static async Task<MemberStatus> QueryOneAsync(
        Maintenance.MaintenanceClient client, string endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.StatusAsync(
                new StatusRequest(), deadline: UnixClock.Deadline(timeout), cancellationToken: cancellationToken);
            return new MemberStatus(
                endpoint,
                response.Header?.MemberId ?? 0,
                response.Leader,
                response.RaftIndex,
                response.RaftTerm,
                response.DbSize,
                null);
        }
        catch (RpcException ex)
        {
            return new MemberStatus(endpoint, 0, 0, 0, 0, 0, ex.StatusCode.ToString());
        }
    }
}

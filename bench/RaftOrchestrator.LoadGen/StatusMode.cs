using System.Globalization;

namespace RaftOrchestrator.LoadGen;

/// <summary><c>status</c>: one STATUS line per endpoint from Maintenance.Status, then the LEADER line.</summary>
internal static class StatusMode
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var requested = settings.TimeoutOr(TimeSpan.FromSeconds(2));
        var timeout = requested < TimeSpan.FromSeconds(5) ? requested : TimeSpan.FromSeconds(5);
        var statuses = await ClusterStatus.QueryAsync(settings.Endpoints, timeout, cancellationToken);
        foreach (var status in statuses)
        {
            var line = new ResultLine("STATUS").Add("endpoint", status.Endpoint);
            if (status.Error is not null)
            {
                Console.WriteLine(line.Add("error", status.Error));
                continue;
            }

            Console.WriteLine(line
                .Add("member_id", Hex(status.MemberId))
                .Add("leader", Hex(status.Leader))
                .Add("is_leader", status.IsLeader ? "true" : "false")
                .Add("raft_term", (long)status.RaftTerm)
                .Add("raft_index", (long)status.RaftIndex)
                .Add("db_size", status.DbSize));
        }

        var leader = ClusterStatus.LeaderIndex(statuses);
        if (leader < 0)
        {
            Console.WriteLine("LEADER endpoint=none");
            return 3;
        }

        Console.WriteLine(new ResultLine("LEADER")
            .Add("endpoint", statuses[leader].Endpoint)
            .Add("member_id", Hex(statuses[leader].MemberId)));
        return 0;
    }

    private static string Hex(ulong id) => id.ToString("x", CultureInfo.InvariantCulture);
}

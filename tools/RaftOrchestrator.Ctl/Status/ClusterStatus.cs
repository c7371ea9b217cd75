using System.Globalization;
using Grpc.Core;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Ctl.Etcd;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Ctl.Status;

/// <summary>
/// Every member's own view, asked of the member itself: Maintenance.Status on its first client URL, all members
/// at once, each under its own deadline, so a member that is down or hung costs at most that deadline and still
/// gets its row. The cluster is healthy when every member answers without errors and exactly one member leads,
/// and every member names that one.
/// </summary>
internal static class ClusterStatus
{
    public static async Task<MemberStatusRow[]> QueryAsync(
        EtcdConnection connection, IEnumerable<Member> members, TimeSpan memberTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(members);
        return await Task.WhenAll(members.Select(m => QueryMemberAsync(connection, m, memberTimeout, cancellationToken)));
    }

    /// <summary>Null when the cluster is healthy, otherwise what is wrong, in a sentence.</summary>
    public static string? Problem(IReadOnlyList<MemberStatusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<string>();
        int unreachable = rows.Count(r => !r.Reachable);
        if (unreachable > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{unreachable} of {rows.Count} members unreachable"));
        }
        int erring = rows.Count(r => r.Reachable && r.Errors.Count > 0);
        if (erring > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{erring} members report errors"));
        }
        MemberStatusRow[] leaders = [.. rows.Where(r => r.IsLeader)];
        if (leaders.Length != 1)
        {
            problems.Add(leaders.Length == 0
                ? "no member leads"
                : string.Create(CultureInfo.InvariantCulture, $"{leaders.Length} members claim to lead"));
        }
        else if (rows.Where(r => r.Reachable).Any(r => r.Leader != leaders[0].Id))
        {
            problems.Add($"not every member names {leaders[0].Name} as the leader");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static async Task<MemberStatusRow> QueryMemberAsync(
        EtcdConnection connection, Member member, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string id = MemberIds.Hex(member.ID);
        if (member.ClientURLs.Count == 0 || !Uri.TryCreate(member.ClientURLs[0], UriKind.Absolute, out Uri? endpoint))
        {
            string reason = member.ClientURLs.Count == 0
                ? "no client URL known (not started yet?)"
                : "bad client URL " + member.ClientURLs[0];
            return Unreachable(member, id, member.ClientURLs.FirstOrDefault() ?? "", reason);
        }
        try
        {
            var options = new CallOptions(deadline: connection.DeadlineAfter(timeout), cancellationToken: cancellationToken);
            StatusResponse status = await new Maintenance.MaintenanceClient(connection.ChannelFor(endpoint))
                .StatusAsync(new StatusRequest(), options).ResponseAsync;
            return new MemberStatusRow(
                member.Name, id, member.ClientURLs[0], Reachable: true,
                IsLeader: status.Leader != 0 && status.Leader == member.ID,
                Leader: status.Leader == 0 ? null : MemberIds.Hex(status.Leader),
                status.RaftTerm, status.RaftIndex, status.RaftAppliedIndex, status.Header?.Revision, status.DbSize,
                status.Version, [.. status.Errors]);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(member, id, member.ClientURLs[0], RpcErrors.Describe(e, timeout));
        }
    }

    private static MemberStatusRow Unreachable(Member member, string id, string endpoint, string reason) =>
        new(member.Name, id, endpoint, Reachable: false, IsLeader: false, Leader: null,
            RaftTerm: null, RaftIndex: null, RaftAppliedIndex: null, Revision: null, DbSize: null, Version: null,
            Errors: ["unreachable: " + reason]);
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.Ctl.Etcd;
using RaftOrchestrator.Ctl.Output;
using RaftOrchestrator.Ctl.Status;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Ctl.Commands;

/// <summary>`roctl members list | add | remove`: the Cluster service.</summary>
internal static class MembersCommand
{
    public static Command Build(CommandRunner runner)
    {
        var members = new Command("members", "List, add and remove the members (voters) of the cluster.");
        members.Subcommands.Add(BuildList(runner));
        members.Subcommands.Add(BuildAdd(runner));
        members.Subcommands.Add(BuildRemove(runner));
        return members;
    }

    private static Command BuildList(CommandRunner runner)
    {
        Option<OutputFormat> output = GlobalOptions.Output();
        var list = new Command("list", "List the members: id, name, peer and client URLs, and which one leads "
            + "(as the endpoint that answers sees it).");
        list.Options.Add(output);
        runner.SetAction(list, async (parse, context, ct) =>
        {
            MemberListResponse response = await ListAsync(context.Connection, ct);
            ulong leader = await LeaderAsync(context, ct);
            MemberRow[] rows = [.. InNameOrder(response.Members).Select(m =>
                new MemberRow(MemberIds.Hex(m.ID), m.Name, [.. m.PeerURLs], [.. m.ClientURLs], m.ID == leader))];
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await context.Console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(rows, CtlJsonContext.Plain.IReadOnlyListMemberRow));
                return ExitCodes.Ok;
            }
            var table = context.Console.NewTable("ID", "NAME", "PEER URL", "CLIENT URLS", "IS LEADER");
            foreach (MemberRow row in rows)
            {
                CtlConsole.AddRow(table, row.Id, row.Name, string.Join(',', row.PeerUrls), string.Join(',', row.ClientUrls),
                    row.IsLeader ? "true" : "false");
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command BuildAdd(CommandRunner runner)
    {
        var peerUrl = new Argument<string>("peer-url")
        {
            Description = "The new member's peer URL: host:port or http://host:port.",
        };
        var add = new Command("add",
            "Add a voting member by its peer URL. The new member must already be running, because the leader "
            + "catches it up before it votes; adding an address where no replica runs fails (after the catch-up "
            + "timeout) and changes nothing. `rorch server --join <client-url>` starts a replica and adds it by "
            + "itself, so this command is for a replica that runs without being a member (its `roctl status` row "
            + "says it is waiting to be added). Catching up a large store can take longer than the default --timeout.");
        add.Arguments.Add(peerUrl);
        runner.SetAction(add, async (parse, context, ct) =>
        {
            var request = new MemberAddRequest { PeerURLs = { parse.GetValue(peerUrl)! } };
            MemberAddResponse response = await context.Connection.CallAsync(
                (channel, options) => new Cluster.ClusterClient(channel).MemberAddAsync(request, options).ResponseAsync, ct);
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Member {MemberIds.Hex(response.Member.ID)} added with peer URL {string.Join(',', response.Member.PeerURLs)}; "
                + $"the cluster has {response.Members.Count} members."));
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command BuildRemove(CommandRunner runner)
    {
        var target = new Argument<string>("name-or-id")
        {
            Description = "The member's name, or its id in hex (as `members list` shows it).",
        };
        var remove = new Command("remove",
            "Remove a member, given by name or by id. A majority of the remaining members must be up.");
        remove.Arguments.Add(target);
        runner.SetAction(remove, async (parse, context, ct) =>
        {
            MemberListResponse list = await ListAsync(context.Connection, ct);
            Member member = Resolve(list.Members, parse.GetValue(target)!);
            var request = new MemberRemoveRequest { ID = member.ID };
            MemberRemoveResponse response = await context.Connection.CallAsync(
                (channel, options) => new Cluster.ClusterClient(channel).MemberRemoveAsync(request, options).ResponseAsync, ct);
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Member {MemberIds.Hex(member.ID)} ({member.Name}) removed; "
                + $"the cluster has {response.Members.Count} members."));
            return ExitCodes.Ok;
        });
        return remove;
    }

    /// <summary>Members sorted for people: by name, then id (the server lists them by id).</summary>
    public static IEnumerable<Member> InNameOrder(IEnumerable<Member> members) =>
        members.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.ID);

    public static Task<MemberListResponse> ListAsync(EtcdConnection connection, CancellationToken cancellationToken) =>
        connection.CallAsync(
            (channel, options) => new Cluster.ClusterClient(channel)
                .MemberListAsync(new MemberListRequest(), options).ResponseAsync,
            cancellationToken);

    /// <summary>The leader the answering endpoint names; 0 (and a warning) if it names none or cannot say.</summary>
    private static async Task<ulong> LeaderAsync(CtlContext context, CancellationToken cancellationToken)
    {
        try
        {
            StatusResponse status = await context.Connection.CallAsync(
                (channel, options) => new Maintenance.MaintenanceClient(channel)
                    .StatusAsync(new StatusRequest(), options).ResponseAsync,
                cancellationToken);
            if (status.Leader == 0)
            {
                await context.Console.Error.WriteLineAsync("Warning: the endpoint that answered knows no leader.");
            }
            return status.Leader;
        }
        catch (NoEndpointAnsweredException e)
        {
            await context.Console.Error.WriteLineAsync(
                "Warning: no endpoint answered Status, the leader is unknown: " + e.Message);
            return 0;
        }
    }

    /// <summary>A name matches first (exactly); otherwise the text is read as a hex id (with or without 0x).</summary>
    private static Member Resolve(IReadOnlyList<Member> members, string nameOrId)
    {
        Member[] named = [.. members.Where(m => string.Equals(m.Name, nameOrId, StringComparison.Ordinal))];
        if (named.Length == 1)
        {
            return named[0];
        }
        if (named.Length > 1)
        {
            throw CommandException.Failed($"{named.Length} members are named '{nameOrId}': give the id instead "
                + $"({string.Join(", ", named.Select(m => MemberIds.Hex(m.ID)))}).");
        }
        string hex = nameOrId.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? nameOrId[2..] : nameOrId;
        if (ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong id)
            && members.FirstOrDefault(m => m.ID == id) is { } byId)
        {
            return byId;
        }
        throw CommandException.Failed($"no member is named '{nameOrId}' or has that id; the members are "
            + string.Join(", ", members.Select(m => $"{m.Name} ({MemberIds.Hex(m.ID)})")) + ".");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.Ctl.Output;
using RaftOrchestrator.Ctl.Status;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Ctl.Commands;

/// <summary>`roctl status`: one row per member, from the member itself (see <see cref="ClusterStatus"/>).</summary>
internal static class StatusCommand
{
    public static Command Build(CommandRunner runner)
    {
        Option<OutputFormat> output = GlobalOptions.Output();
        var memberTimeout = new Option<double>("--member-timeout")
        {
            Description = "Seconds each member has to answer (at most --timeout); a member that does not is "
                + "shown as unreachable.",
            DefaultValueFactory = _ => 3,
        };
        var status = new Command("status",
            "Ask every member (found with MemberList) for its status: leader, Raft term and indexes, store revision, "
            + "size, errors. Exits 0 when every member answers without errors and exactly one member leads, 1 otherwise.");
        status.Options.Add(output);
        status.Options.Add(memberTimeout);
        runner.SetAction(status, async (parse, context, ct) =>
        {
            double seconds = parse.GetValue(memberTimeout);
            if (seconds is not > 0)
            {
                throw CommandException.Usage("--member-timeout must be more than 0 seconds.");
            }
            TimeSpan perMember = TimeSpan.FromSeconds(Math.Min(seconds, context.Timeout.TotalSeconds));
            MemberListResponse list = await MembersCommand.ListAsync(context.Connection, ct);
            MemberStatusRow[] rows = await ClusterStatus.QueryAsync(
                context.Connection, MembersCommand.InNameOrder(list.Members), perMember, ct);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await context.Console.Out.WriteLineAsync(
                    JsonSerializer.Serialize(rows, CtlJsonContext.Plain.IReadOnlyListMemberStatusRow));
            }
            else
            {
                WriteTable(context.Console, rows);
            }
            string? problem = ClusterStatus.Problem(rows);
            if (problem is null)
            {
                return ExitCodes.Ok;
            }
            await context.Console.Error.WriteLineAsync("Unhealthy: " + problem + ".");
            return ExitCodes.Failed;
        });
        return status;
    }

    private static void WriteTable(CtlConsole console, IEnumerable<MemberStatusRow> rows)
    {
        var table = console.NewTable("NAME", "ID", "ENDPOINT", "IS LEADER", "TERM", "RAFT INDEX", "APPLIED INDEX",
            "REVISION", "DB SIZE", "ERRORS");
        foreach (MemberStatusRow row in rows)
        {
            CtlConsole.AddRow(table,
                row.Name, row.Id, row.Endpoint,
                row.Reachable ? (row.IsLeader ? "true" : "false") : "",
                Number(row.RaftTerm), Number(row.RaftIndex), Number(row.RaftAppliedIndex), Number(row.Revision),
                row.DbSize is { } size ? ByteSize.Format(size) : "",
                string.Join("; ", row.Errors));
        }
        console.Write(table);
    }

    private static string Number(ulong? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

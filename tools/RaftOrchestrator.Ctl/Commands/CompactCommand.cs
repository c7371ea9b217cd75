using System.CommandLine;
using System.Globalization;
using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Ctl.Commands;

/// <summary>`roctl compact`: KV.Compact, to a revision or to the current revision minus --keep.</summary>
internal static class CompactCommand
{
    public static Command Build(CommandRunner runner)
    {
        var revision = new Argument<long?>("revision")
        {
            Description = "Compact to this revision: every version older than it becomes unreadable (changes at it stay).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var keep = new Option<long?>("--keep")
        {
            Description = "Instead of a revision: keep the last N revisions (compact to the current revision - N).",
        };
        var compact = new Command("compact",
            "Discard the history before a revision, cluster-wide. Give a revision or --keep N.");
        compact.Arguments.Add(revision);
        compact.Options.Add(keep);
        runner.SetAction(compact, async (parse, context, ct) =>
        {
            long target;
            switch ((parse.GetValue(revision), parse.GetValue(keep)))
            {
                case ({ } given, null):
                    target = given > 0 ? given : throw CommandException.Usage("the revision must be more than 0.");
                    break;
                case (null, { } count):
                    if (count < 0)
                    {
                        throw CommandException.Usage("--keep must be 0 or more.");
                    }
                    long current = await CurrentRevisionAsync(context, ct);
                    target = current - count;
                    if (target <= 0)
                    {
                        await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"Nothing to compact: the current revision is {current}."));
                        return ExitCodes.Ok;
                    }
                    break;
                default:
                    throw CommandException.Usage("give a revision or --keep N (one of them).");
            }
            var request = new CompactionRequest { Revision = target };
            await context.Connection.CallAsync(
                (channel, options) => new KV.KVClient(channel).CompactAsync(request, options).ResponseAsync, ct);
            await context.Console.Out.WriteLineAsync(
                string.Create(CultureInfo.InvariantCulture, $"compacted revision {target}"));
            return ExitCodes.Ok;
        });
        return compact;
    }

    /// <summary>The store's revision: the header of a count-only (linearizable) range over every key.</summary>
    private static async Task<long> CurrentRevisionAsync(CtlContext context, CancellationToken cancellationToken)
    {
        var all = new RangeRequest
        {
            Key = Google.Protobuf.ByteString.CopyFrom(0),
            RangeEnd = Google.Protobuf.ByteString.CopyFrom(0),
            CountOnly = true,
        };
        RangeResponse response = await context.Connection.CallAsync(
            (channel, options) => new KV.KVClient(channel).RangeAsync(all, options).ResponseAsync, cancellationToken);
        return response.Header.Revision;
    }
}

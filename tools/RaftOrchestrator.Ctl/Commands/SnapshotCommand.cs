using System.CommandLine;
using System.Globalization;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.Ctl.Snapshots;

namespace RaftOrchestrator.Ctl.Commands;

/// <summary>`roctl snapshot save | restore`: backups (etcd-shaped: the state, then its SHA-256).</summary>
internal static class SnapshotCommand
{
    public static Command Build(CommandRunner runner)
    {
        var snapshot = new Command("snapshot", "Save a backup of the store from a running member, or restore one offline.");
        snapshot.Subcommands.Add(BuildSave(runner));
        snapshot.Subcommands.Add(BuildRestore(runner));
        return snapshot;
    }

    private static Command BuildSave(CommandRunner runner)
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup (replaced only once complete)." };
        var save = new Command("save", "Stream a backup of the store from the first endpoint that answers (that member's "
            + "state at one revision) into <file>.part, check and fsync it, then rename it to <file>.");
        save.Arguments.Add(file);
        runner.SetAction(save, async (parse, context, ct) =>
        {
            string path = Path.GetFullPath(parse.GetValue(file)!);
            (long bytes, long revision) = await SnapshotDownload.SaveAsync(context.Connection, path, ct);
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Snapshot saved at {path}: {bytes} bytes, revision {revision}."));
            return ExitCodes.Ok;
        });
        return save;
    }

    private static Command BuildRestore(CommandRunner runner)
    {
        var file = new Argument<string>("file")
        {
            Description = "A backup written by `roctl snapshot save` (or by etcdctl snapshot save against rorch).",
        };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The new member's data directory: must not exist, or be empty.",
            Required = true,
        };
        var restore = new Command("restore", "Offline: check a backup and write it as the data directory of a new "
            + "one-member cluster. Start that member with `rorch server --data-dir <dir> --cluster-init`, then start "
            + "the other members with `rorch server --join <its client URL>`.");
        restore.Arguments.Add(file);
        restore.Options.Add(dataDir);
        runner.SetAction(restore, async (parse, context, ct) =>
        {
            string source = Path.GetFullPath(parse.GetValue(file)!);
            string target = Path.GetFullPath(parse.GetValue(dataDir)!);
            long revision;
            try
            {
                revision = Backup.Restore(source, target);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw CommandException.Failed($"cannot restore {source} into {target}: {e.Message}");
            }
            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"""
                Restored revision {revision} from {source} into {target}.
                Start it as a new one-member cluster:
                  rorch server --data-dir {target} --cluster-init --name <name> \
                    --peer-listen <host:port> --client-listen <host:port>
                then add the other members: start each with an empty data directory and
                  rorch server --join http://<the client-listen above> ...
                """));
            return ExitCodes.Ok;
        });
        return restore;
    }
}

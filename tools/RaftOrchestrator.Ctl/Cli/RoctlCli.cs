using System.CommandLine;
using RaftOrchestrator.Ctl.Commands;
using RaftOrchestrator.Ctl.Output;

namespace RaftOrchestrator.Ctl.Cli;

/// <summary>The `roctl` command line: members, status, snapshot save/restore, compaction, and the chaos suite.</summary>
internal static class RoctlCli
{
    public static RootCommand Build(CtlConsole console, TimeProvider time)
    {
        var globals = new GlobalOptions();
        var runner = new CommandRunner(globals, console, time);
        var root = new RootCommand(
            "roctl: operator CLI for a RaftOrchestrator control plane (the etcd v3 API of rorch server).");
        globals.AddTo(root);
        root.Subcommands.Add(MembersCommand.Build(runner));
        root.Subcommands.Add(StatusCommand.Build(runner));
        root.Subcommands.Add(SnapshotCommand.Build(runner));
        root.Subcommands.Add(CompactCommand.Build(runner));
        // ro-chaos's own commands (exit 0 every checker passed, 1 one failed, 2 inconclusive or not carried out);
        // they start their own cluster, so the global --endpoints do not apply.
        var chaos = new Command("chaos", "The chaos suite (chaos/README.md): a seeded fault plan against a local cluster of real members, or the checkers over a report folder.");
        RaftOrchestrator.Chaos.Runner.RunnerCli.AddTo(chaos, console.Out);
        root.Subcommands.Add(chaos);
        return root;
    }

    /// <summary>
    /// Parses and runs. A command line the parser rejects exits 2 (System.CommandLine's own code is 1, which
    /// roctl keeps for failed operations), with the errors and the usage on standard error.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, CtlConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ParseResult parse = Build(console, time).Parse(args);
        bool rejected = parse.Errors.Count > 0;
        var invocation = new InvocationConfiguration { Output = rejected ? console.Error : console.Out, Error = console.Error };
        int code = await parse.InvokeAsync(invocation, cancellationToken);
        return rejected ? ExitCodes.Usage : code;
    }
}

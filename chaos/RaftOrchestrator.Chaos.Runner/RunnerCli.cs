using System.CommandLine;
using System.Globalization;
using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Profiles;

namespace RaftOrchestrator.Chaos.Runner;

/// <summary>
/// ro-chaos run --profile smoke|long --seed N --members 3|5 --out DIR: one run; exit 0 when every checker passed,
/// 1 when one failed (its excerpt printed), 2 when one was inconclusive or the run could not be carried out.
/// ro-chaos check DIR: the checkers again over a report folder's history. The same two commands are `roctl chaos`
/// (<see cref="AddTo"/>).
/// </summary>
public static class RunnerCli
{
    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("ro-chaos: the chaos suite of RaftOrchestrator (chaos/README.md)");
        AddTo(root, output);
        return root;
    }

    /// <summary>Adds `run` and `check` to <paramref name="parent"/>; their output goes to <paramref name="output"/>.</summary>
    public static void AddTo(Command parent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var profile = new Option<string>("--profile") { Description = "smoke (≤ 3 min: leader kills, a partition, a full restart) or long (100 leader kills and every other fault).", DefaultValueFactory = _ => "smoke" };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault plan and the traffic; printed first, reruns the same plan.", DefaultValueFactory = _ => 1 };
        var members = new Option<int>("--members") { Description = "Cluster size: 3 or 5.", DefaultValueFactory = _ => 3 };
        var outDir = new Option<string?>("--out") { Description = "Report folder (default: chaos-<profile>-<seed> in the current directory)." };
        var keep = new Option<bool>("--keep-cluster") { Description = "Keep the members' data and logs (DIR/cluster) even when every checker passed." };
        var serverArgs = new Option<string[]>("--server-arg") { Description = "An extra `rorch server` flag for every member, repeatable (e.g. --server-arg=--election-timeout=1000).", AllowMultipleArgumentsPerToken = false };
        var run = new Command("run", "Start a cluster, run traffic and the seeded fault plan, check the history, write the report.");
        foreach (Option option in new Option[] { profile, seed, members, outDir, keep, serverArgs })
        {
            run.Options.Add(option);
        }
        // Checked only when given: a validator sees no default value for an option left out (`ro-chaos run` alone
        // was refused with "--profile must be smoke or long").
        run.Validators.Add(result =>
        {
            if (result.GetResult(members) is not null && result.GetValue(members) is not (3 or 5)) result.AddError("--members must be 3 or 5.");
            if (result.GetResult(profile) is not null && result.GetValue(profile) is not ("smoke" or "long")) result.AddError("--profile must be smoke or long.");
        });
        run.SetAction(async (parse, ct) =>
        {
            string name = parse.GetValue(profile)!;
            int s = parse.GetValue(seed);
            string dir = parse.GetValue(outDir) ?? Path.Combine(Environment.CurrentDirectory, string.Create(CultureInfo.InvariantCulture, $"chaos-{name}-{s}"));
            try
            {
                RunResult result = await ChaosRun.RunAsync(new RunSettings(RunProfile.Parse(name), s, parse.GetValue(members), dir) { KeepCluster = parse.GetValue(keep), ServerArgs = parse.GetValue(serverArgs) ?? [] }, output, ct);
                await output.WriteLineAsync($"report: {dir}");
                return result.ExitCode;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or FileNotFoundException or IOException)
            {
                await output.WriteLineAsync($"ro-chaos: the run could not be carried out: {e.GetType().Name}: {e.Message} (files under {dir})");
                return 2;
            }
        });

        var folder = new Argument<string>("dir") { Description = "A report folder written by ro-chaos run." };
        var check = new Command("check", "Run the checkers over a report folder's history.");
        check.Arguments.Add(folder);
        check.SetAction(parse =>
        {
            string dir = parse.GetValue(folder)!;
            RecordedHistory history;
            try
            {
                history = HistoryFiles.Load(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                output.WriteLine($"ro-chaos: cannot read the history in {dir}: {e.Message}");
                return 2;
            }
            CheckSummary summary = HistoryChecks.CheckAll(history);
            output.Write(summary.Format());
            return summary.ExitCode;
        });

        parent.Subcommands.Add(run);
        parent.Subcommands.Add(check);
    }
}

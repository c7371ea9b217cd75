using System.CommandLine;
using System.Globalization;

namespace RaftOrchestrator.SchedBench;

/// <summary>The parsed command line of one run, checked.</summary>
internal sealed record SchedSettings(
    string WorkloadsPath,
    IReadOnlyList<string>? CaseNames,
    bool ListOnly,
    int Replicas,
    SchedulerMode Scheduler,
    string? Controllers,
    string SchedulerBinder,
    string? RorchDll,
    string OutPath,
    int CreateConcurrency,
    int NodeConcurrency,
    int BindConcurrency,
    double? TimeoutSeconds,
    double StallSeconds,
    TimeSpan MaxTotal,
    bool KeepFiles)
{
    /// <summary>What every member runs by default: the controller manager without the node lifecycle controller.</summary>
    public const string DefaultControllers = "*,-nodelifecycle";

    public static SchedSettings From(ParseResult parse, SchedOptions o)
    {
        SchedulerMode mode = parse.GetValue(o.StandInBinder) ? SchedulerMode.StandIn : parse.GetValue(o.Scheduler) switch
        {
            "external" => SchedulerMode.External,
            "none" => SchedulerMode.None,
            "stand-in" or "standin" => SchedulerMode.StandIn,
            "backlog" => SchedulerMode.Backlog,
            var other => throw new ArgumentException($"--scheduler: \"{other}\" is not external, none or stand-in"),
        };
        int replicas = parse.GetValue(o.Replicas);
        if (replicas is not (1 or 3))
        {
            throw new ArgumentException("--replicas takes 1 or 3");
        }
        string[]? cases = parse.GetValue(o.Cases) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        string outPath = parse.GetValue(o.Out) ?? Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"ro-schedbench-{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.json"));
        double? timeout = parse.GetValue(o.TimeoutSeconds);
        return new SchedSettings(
            parse.GetValue(o.Workloads) ?? FindWorkloads(),
            cases,
            parse.GetValue(o.List),
            replicas,
            mode,
            parse.GetValue(o.Controllers),
            parse.GetValue(o.SchedulerBinder) is "binding-batch" or "pod-binding" ? parse.GetValue(o.SchedulerBinder)!
                : throw new ArgumentException("--scheduler-binder takes binding-batch or pod-binding"),
            parse.GetValue(o.Rorch),
            outPath,
            Positive(parse.GetValue(o.CreateConcurrency), "--create-concurrency"),
            Positive(parse.GetValue(o.NodeConcurrency), "--node-concurrency"),
            Positive(parse.GetValue(o.BindConcurrency), "--bind-concurrency"),
            timeout is null ? null : Positive(timeout.Value, "--timeout-seconds"),
            Positive(parse.GetValue(o.StallSeconds), "--stall-seconds"),
            TimeSpan.FromSeconds(Positive(parse.GetValue(o.MaxTotalSeconds), "--max-total-seconds")),
            parse.GetValue(o.KeepFiles));
    }

    private static int Positive(int value, string option) => value > 0 ? value : throw new ArgumentException($"{option} must be positive");

    private static double Positive(double value, string option) => value > 0 ? value : throw new ArgumentException($"{option} must be positive");

    /// <summary>bench/scheduler-workloads.yaml in the first directory above this build that has it.</summary>
    private static string FindWorkloads()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "scheduler-workloads.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("bench/scheduler-workloads.yaml not found above this build: pass --workloads");
    }
}

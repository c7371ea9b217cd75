using System.CommandLine;

namespace RaftOrchestrator.SchedBench;

/// <summary>The command line (bench/README.md lists what each knob changes).</summary>
internal sealed class SchedOptions
{
    public Option<string?> Workloads { get; } = new("--workloads") { Description = "Workload file (default bench/scheduler-workloads.yaml above this build)" };

    public Option<string?> Cases { get; } = new("--cases") { Description = "Comma-separated case names (default: every case of the file)" };

    public Option<bool> List { get; } = new("--list") { Description = "List the cases of the workload file and exit" };

    public Option<int> Replicas { get; } = new("--replicas") { Description = "rorch replicas per case: 1 or 3", DefaultValueFactory = _ => 1 };

    public Option<string> Scheduler { get; } = new("--scheduler")
    {
        Description = "Who binds: external (a scheduler the harness does not start), none (nothing binds: creates only), stand-in (the harness's round-robin test binder), backlog (create every pod first, then start `rorch scheduler` and time it from its start)",
        DefaultValueFactory = _ => "external",
    };

    public Option<bool> StandInBinder { get; } = new("--stand-in-binder") { Description = "Same as --scheduler stand-in" };

    public Option<string?> Controllers { get; } = new("--controllers")
    {
        Description = "--controllers of every member (default \"*,-nodelifecycle\"; \"none\" if the server does not know nodelifecycle)",
    };

    public Option<string> SchedulerBinder { get; } = new("--scheduler-binder")
    {
        Description = "With --scheduler external or backlog: the scheduler's binder (--scheduler-binder / --binder): binding-batch or pod-binding",
        DefaultValueFactory = _ => "binding-batch",
    };

    public Option<string?> Rorch { get; } = new("--rorch") { Description = "rorch.dll to start (default $RORCH_DLL, else the Release build of src/RaftOrchestrator.Server)" };

    public Option<string?> Out { get; } = new("--out") { Description = "JSON results file (default /tmp/ro-schedbench-<unix time>.json)" };

    public Option<int> CreateConcurrency { get; } = new("--create-concurrency") { Description = "Pod creates in flight", DefaultValueFactory = _ => 64 };

    public Option<int> NodeConcurrency { get; } = new("--node-concurrency") { Description = "Node creates in flight", DefaultValueFactory = _ => 64 };

    public Option<int> BindConcurrency { get; } = new("--bind-concurrency") { Description = "Stand-in binds in flight", DefaultValueFactory = _ => 32 };

    public Option<double?> TimeoutSeconds { get; } = new("--timeout-seconds") { Description = "Per-case bound from the first create (default: the case's timeoutSeconds)" };

    public Option<double> StallSeconds { get; } = new("--stall-seconds")
    {
        Description = "After the creates, end the case when no pod got bound for this long (\"did not finish\")",
        DefaultValueFactory = _ => 30,
    };

    public Option<double> MaxTotalSeconds { get; } = new("--max-total-seconds") { Description = "Hard bound on the whole run", DefaultValueFactory = _ => 3_600 };

    public Option<bool> KeepFiles { get; } = new("--keep-files") { Description = "Keep each case's temporary directory (data, member logs)" };

    public IEnumerable<Option> All => [
        Workloads, Cases, List, Replicas, Scheduler, StandInBinder, Controllers, SchedulerBinder, Rorch, Out, CreateConcurrency, NodeConcurrency,
        BindConcurrency, TimeoutSeconds, StallSeconds, MaxTotalSeconds, KeepFiles,
    ];
}

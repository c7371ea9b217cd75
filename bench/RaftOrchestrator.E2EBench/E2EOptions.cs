using System.CommandLine;

namespace RaftOrchestrator.E2EBench;

/// <summary>The command line (bench/README.md says what each knob changes).</summary>
internal sealed class E2EOptions
{
    public Option<int> Replicas { get; } = new("--replicas") { Description = "Control-plane replicas: 1 or 3", DefaultValueFactory = _ => 3 };

    public Option<int> Nodes { get; } = new("--nodes") { Description = "Simulated nodes (one `rorch sim-nodes --count` process)", DefaultValueFactory = _ => 5_000 };

    public Option<int> Pods { get; } = new("--pods") { Description = "Pods in total, over the Deployments", DefaultValueFactory = _ => 10_000 };

    public Option<int> Deployments { get; } = new("--deployments") { Description = "Deployments the pods are spread over", DefaultValueFactory = _ => 10 };

    public Option<double> Rate { get; } = new("--rate")
    {
        Description = "Offer pods at this many per second (scaling the Deployments up step by step) instead of all at once; 0: all at once",
        DefaultValueFactory = _ => 0,
    };

    public Option<double> RateStepSeconds { get; } = new("--rate-step") { Description = "Seconds between scale steps in --rate mode", DefaultValueFactory = _ => 0.1 };

    public Option<string> StartLatency { get; } = new("--start-latency") { Description = "sim-nodes --start-latency (bound pod seen -> running)", DefaultValueFactory = _ => "0.2s" };

    public Option<string> SchedulerBinder { get; } = new("--scheduler-binder") { Description = "The embedded scheduler's binder: binding-batch or pod-binding", DefaultValueFactory = _ => "binding-batch" };

    public Option<string?> ServerArgs { get; } = new("--server-args") { Description = "More arguments for every `rorch server`, space-separated" };

    public Option<string?> SimArgs { get; } = new("--sim-args") { Description = "More arguments for `rorch sim-nodes`, space-separated" };

    public Option<string?> Rorch { get; } = new("--rorch") { Description = "rorch.dll to start (default $RORCH_DLL, else the Release build of src/RaftOrchestrator.Server)" };

    public Option<string?> Out { get; } = new("--out") { Description = "JSON results file (default /tmp/ro-e2ebench-<unix time>.json)" };

    public Option<string?> Chart { get; } = new("--chart") { Description = "PNG chart of pods Pending/Scheduled/Running over time (default: the --out path with .png)" };

    public Option<double> SettleSeconds { get; } = new("--settle-seconds") { Description = "Wait after every node is Ready, before the first create (the scheduler's caches fill)", DefaultValueFactory = _ => 5 };

    public Option<double> NodesTimeoutSeconds { get; } = new("--nodes-timeout-seconds") { Description = "Bound on the wait for every node to be registered and Ready", DefaultValueFactory = _ => 300 };

    public Option<double> TimeoutSeconds { get; } = new("--timeout-seconds") { Description = "Bound from the first create to the last pod Ready", DefaultValueFactory = _ => 600 };

    public Option<double> StallSeconds { get; } = new("--stall-seconds") { Description = "After the offering, give up when no pod became Ready for this long", DefaultValueFactory = _ => 30 };

    public Option<double> SampleSeconds { get; } = new("--sample-seconds") { Description = "Interval of the Pending/Scheduled/Running samples", DefaultValueFactory = _ => 0.25 };

    public Option<bool> KeepFiles { get; } = new("--keep-files") { Description = "Keep the temporary directory (member data and logs, the sim-nodes log)" };

    public IEnumerable<Option> All => [
        Replicas, Nodes, Pods, Deployments, Rate, RateStepSeconds, StartLatency, SchedulerBinder, ServerArgs, SimArgs, Rorch, Out, Chart,
        SettleSeconds, NodesTimeoutSeconds, TimeoutSeconds, StallSeconds, SampleSeconds, KeepFiles,
    ];
}

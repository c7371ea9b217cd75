using System.CommandLine;
using RaftOrchestrator.Agent.Fleet;
using RaftOrchestrator.Agent.Sim;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Cli;

/// <summary>
/// `rorch sim-nodes --server URL[,URL...] | --kubeconfig FILE --count N [flags]`: N simulated nodes (kwok-style) in
/// this one process, for scale tests and the end-to-end pods/s benchmark.
/// </summary>
internal static class SimNodesCommand
{
    public static Command Build()
    {
        var count = new Option<int>("--count") { Description = $"Nodes to simulate (at most {SimFleetOptions.MaxCount}).", DefaultValueFactory = _ => 1 };
        var prefix = new Option<string>("--name-prefix") { Description = "Node i is named <prefix><i>.", DefaultValueFactory = _ => "sim-" };
        var first = new Option<int>("--first-index") { Description = "Number of the first node (disjoint ranges let several processes share a prefix).", DefaultValueFactory = _ => 0 };
        var cpu = new Option<string>("--cpu") { Description = "CPU capacity of each node.", DefaultValueFactory = _ => "32" };
        var memory = new Option<string>("--memory") { Description = "Memory capacity of each node.", DefaultValueFactory = _ => "256Gi" };
        var pods = new Option<int>("--pods") { Description = $"Pod capacity of each node (at most {SimFleetOptions.MaxPodsPerNode}).", DefaultValueFactory = _ => 110 };
        var zones = new Option<int>("--zones") { Description = "Spread the nodes over zone-0..zone-(n-1) (topology.kubernetes.io/zone); 0: no zone label.", DefaultValueFactory = _ => 3 };
        var labels = new Option<string?>("--node-labels") { Description = "More labels for every node: k=v,k2=v2." };
        var taints = new Option<string?>("--node-taints") { Description = "Taints for every node: key=value:Effect,key:Effect." };
        var start = new Option<string>("--start-latency") { Description = "Bound pod seen -> containers running: 0.2s, uniform:100ms-500ms or exp:200ms.", DefaultValueFactory = _ => "0.2s" };
        var stop = new Option<string>("--stop-latency") { Description = "Deletion seen -> final delete (capped by the grace period).", DefaultValueFactory = _ => "100ms" };
        var failure = new Option<double>("--failure-rate") { Description = "Chance that a start attempt fails (exit code 1; restartPolicy decides what follows).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the latencies and failures.", DefaultValueFactory = _ => 1 };
        var leaseInterval = new Option<string>("--lease-renew-interval") { Description = "How often each node's Lease is renewed.", DefaultValueFactory = _ => "10s" };
        var leaseDuration = new Option<int>("--lease-duration") { Description = "Lease duration in seconds.", DefaultValueFactory = _ => 40 };
        var registerConcurrency = new Option<int>("--register-concurrency") { Description = "Node registrations in flight.", DefaultValueFactory = _ => 32 };
        var leaseConcurrency = new Option<int>("--lease-concurrency") { Description = "Lease renewals in flight.", DefaultValueFactory = _ => 32 };
        var writeConcurrency = new Option<int>("--pod-write-concurrency") { Description = "Pod status writes and final deletes in flight.", DefaultValueFactory = _ => 256 };
        var selector = new Option<string?>("--pods-field-selector") { Description = "Field selector of the shared pods watch (default: every pod, filtered here)." };
        var stats = new Option<string>("--stats-interval") { Description = "How often to log the fleet's counters (0: never).", DefaultValueFactory = _ => "30s" };
        var flags = new ClusterClientFlags();
        var command = new Command("sim-nodes", "Simulate many nodes (kwok-style) in this process: registered, heartbeating, running the pods bound to them.");
        foreach (Option option in new Option[]
        {
            count, prefix, first, cpu, memory, pods, zones, labels, taints, start, stop, failure, seed,
            leaseInterval, leaseDuration, registerConcurrency, leaseConcurrency, writeConcurrency, selector, stats,
        })
        {
            command.Options.Add(option);
        }
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!flags.TryBuild(parse, "rorch-sim-nodes/1", out ClusterClientOptions client, out string? clientError))
            {
                await Console.Error.WriteLineAsync($"sim-nodes: {clientError}");
                return 2;
            }
            SimFleetOptions options;
            try
            {
                options = new SimFleetOptions
                {
                    Count = parse.GetValue(count),
                    NamePrefix = parse.GetValue(prefix)!,
                    FirstIndex = parse.GetValue(first),
                    Cpu = parse.GetValue(cpu)!,
                    Memory = parse.GetValue(memory)!,
                    Pods = parse.GetValue(pods),
                    Zones = parse.GetValue(zones),
                    Labels = ParseLabels(parse.GetValue(labels)),
                    Taints = ParseTaints(parse.GetValue(taints)),
                    StartLatency = SimLatency.TryParse(parse.GetValue(start), out SimLatency? latency, out string? latencyError)
                        ? latency : throw new FormatException($"--start-latency: {latencyError}"),
                    StopLatency = Duration(parse.GetValue(stop), "--stop-latency"),
                    FailureRate = parse.GetValue(failure),
                    Seed = parse.GetValue(seed),
                    LeaseRenewInterval = Duration(parse.GetValue(leaseInterval), "--lease-renew-interval"),
                    LeaseDurationSeconds = parse.GetValue(leaseDuration),
                    RegisterConcurrency = parse.GetValue(registerConcurrency),
                    LeaseConcurrency = parse.GetValue(leaseConcurrency),
                    PodWriteConcurrency = parse.GetValue(writeConcurrency),
                    PodFieldSelector = parse.GetValue(selector),
                    StatsInterval = Duration(parse.GetValue(stats), "--stats-interval"),
                };
                options.Validate();
            }
            catch (Exception e) when (e is UriFormatException or FormatException or IOException or InvalidOperationException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"sim-nodes: {e.Message}");
                return 2;
            }
            return await ComponentHost.RunAsync(client,
                (cluster, loggers, token) => new SimFleet(cluster, options, TimeProvider.System, loggers.CreateLogger("RaftOrchestrator.Agent.Fleet")).RunAsync(token), ct);
        });
        return command;
    }

    private static TimeSpan Duration(string? text, string flag) =>
        SimDuration.TryParse(text, out TimeSpan value, out string? error) ? value : throw new FormatException($"{flag}: {error}");

    private static Dictionary<string, string> ParseLabels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"--node-labels: \"{pair}\" is not key=value");
            }
            labels[pair[..equals]] = pair[(equals + 1)..];
        }
        return labels;
    }

    private static List<Taint> ParseTaints(string? text)
    {
        var taints = new List<Taint>();
        foreach (string item in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = item.LastIndexOf(':');
            string effect = colon < 0 ? "" : item[(colon + 1)..];
            if (effect is not ("NoSchedule" or "PreferNoSchedule" or "NoExecute"))
            {
                throw new FormatException($"--node-taints: \"{item}\" is not key[=value]:NoSchedule|PreferNoSchedule|NoExecute");
            }
            string keyValue = item[..colon];
            int equals = keyValue.IndexOf('=', StringComparison.Ordinal);
            taints.Add(new Taint
            {
                Key = equals < 0 ? keyValue : keyValue[..equals],
                Value = equals < 0 ? null : keyValue[(equals + 1)..],
                Effect = effect,
            });
        }
        return taints;
    }
}

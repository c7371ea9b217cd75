using System.CommandLine;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Controllers.Manager;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Cli;

/// <summary>`rorch controller-manager --server URL[,URL...] | --kubeconfig FILE [flags]`.</summary>
internal static class ControllerManagerCommand
{
    public static Command Build()
    {
        var controllers = new Option<string>("--controllers")
        {
            Description = $"Controllers to run: * (all), a name, or -name to leave one out. Known: {string.Join(", ", ControllerCatalog.Names)}.",
            DefaultValueFactory = _ => "*",
        };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Act only while holding the kube-system/kube-controller-manager Lease.", DefaultValueFactory = _ => true };
        var identity = new Option<string?>("--identity") { Description = "Lease holder identity (default <host>_<random>)." };
        var nodeGrace = new Option<int>("--node-monitor-grace-period") { Description = "Seconds without a node heartbeat before the node is marked Unknown.", DefaultValueFactory = _ => 40 };
        var flags = new ClusterClientFlags();
        var command = new Command("controller-manager", "Run the controller manager as its own process against a cluster's API.");
        foreach (Option option in new Option[] { controllers, leaderElect, identity, nodeGrace })
        {
            command.Options.Add(option);
        }
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!ControllerSelection.TryParse(parse.GetValue(controllers), ControllerCatalog.Names, out ControllerSelection selection, out string? error))
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }
            if (!flags.TryBuild(parse, "rorch-controller-manager/1", out ClusterClientOptions client, out string? clientError))
            {
                await Console.Error.WriteLineAsync($"controller-manager: {clientError}");
                return 2;
            }
            if (parse.GetValue(nodeGrace) < 1)
            {
                await Console.Error.WriteLineAsync("--node-monitor-grace-period must be at least 1 second.");
                return 2;
            }
            var options = new ControllerManagerOptions
            {
                Controllers = selection,
                LeaderElect = parse.GetValue(leaderElect),
                NodeLifecycle = new NodeLifecycleOptions { NodeMonitorGracePeriod = TimeSpan.FromSeconds(parse.GetValue(nodeGrace)) },
            };
            if (parse.GetValue(identity) is { Length: > 0 } id)
            {
                options = options with { Identity = id };
            }
            return await ComponentHost.RunAsync(client, (cluster, loggers, stop) => new ControllerManager(cluster, options, loggers).RunAsync(stop), ct);
        });
        return command;
    }
}

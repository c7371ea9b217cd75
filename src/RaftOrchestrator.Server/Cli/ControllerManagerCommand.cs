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
        var servers = new Option<string?>("--server") { Description = "Comma-separated Kubernetes API URLs of any replicas (http://127.0.0.1:6443,...)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "A kubeconfig to take the server, CA and token from (instead of --server)." };
        var token = new Option<string?>("--token") { Description = "Bearer token (with --server)." };
        var format = new Option<string>("--wire-format") { Description = "msgpack (default) or json.", DefaultValueFactory = _ => "msgpack" };
        var controllers = new Option<string>("--controllers")
        {
            Description = $"Controllers to run: * (all), a name, or -name to leave one out. Known: {string.Join(", ", ControllerCatalog.Names)}.",
            DefaultValueFactory = _ => "*",
        };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Act only while holding the kube-system/kube-controller-manager Lease.", DefaultValueFactory = _ => true };
        var identity = new Option<string?>("--identity") { Description = "Lease holder identity (default <host>_<random>)." };
        var nodeGrace = new Option<int>("--node-monitor-grace-period") { Description = "Seconds without a node heartbeat before the node is marked Unknown.", DefaultValueFactory = _ => 40 };
        var command = new Command("controller-manager", "Run the controller manager as its own process against a cluster's API.");
        foreach (Option option in new Option[] { servers, kubeconfig, token, format, controllers, leaderElect, identity, nodeGrace })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if ((result.GetValue(servers) is null) == (result.GetValue(kubeconfig) is null))
            {
                result.AddError("Give exactly one of --server and --kubeconfig.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            // Checked here, not in a validator: validators do not see the options' default values.
            if (parse.GetValue(format) is not ("msgpack" or "json"))
            {
                await Console.Error.WriteLineAsync("--wire-format is msgpack or json.");
                return 2;
            }
            if (!ControllerSelection.TryParse(parse.GetValue(controllers), ControllerCatalog.Names, out ControllerSelection selection, out string? error))
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }
            WireFormat wire = parse.GetValue(format) == "json" ? WireFormat.Json : WireFormat.MessagePack;
            const string Agent = "rorch-controller-manager/1";
            ClusterClientOptions client;
            try
            {
                client = parse.GetValue(kubeconfig) is { } path
                    ? KubeconfigReader.Read(path, Agent) with { Format = wire }
                    : new ClusterClientOptions
                    {
                        Servers = [.. parse.GetValue(servers)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u))],
                        BearerToken = parse.GetValue(token),
                        Format = wire,
                        UserAgent = Agent,
                    };
            }
            catch (Exception e) when (e is UriFormatException or FormatException or IOException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"controller-manager: {e.Message}");
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

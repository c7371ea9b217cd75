using System.CommandLine;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Cli;

/// <summary>`rorch scheduler --server URL[,URL...] | --kubeconfig FILE [--config FILE] [flags]`.</summary>
internal static class SchedulerCommand
{
    public static Command Build()
    {
        var servers = new Option<string?>("--server") { Description = "Comma-separated Kubernetes API URLs of any replicas (http://127.0.0.1:6443,...)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "A kubeconfig to take the server, CA and token from (instead of --server)." };
        var token = new Option<string?>("--token") { Description = "Bearer token (with --server)." };
        var format = new Option<string>("--wire-format") { Description = "msgpack (default) or json.", DefaultValueFactory = _ => "msgpack" };
        var config = new Option<string?>("--config") { Description = "A KubeSchedulerConfiguration file (profiles, plugins, weights); default: the default profile." };
        var binder = new Option<string>("--binder") { Description = $"How bindings are written: {SchedulerSettings.BinderValues}.", DefaultValueFactory = _ => "binding-batch" };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Schedule only while holding the kube-system/kube-scheduler Lease.", DefaultValueFactory = _ => true };
        var identity = new Option<string?>("--identity") { Description = "Lease holder identity (default <host>_<random>)." };
        var command = new Command("scheduler", "Run the scheduler as its own process against a cluster's API.");
        foreach (Option option in new Option[] { servers, kubeconfig, token, format, config, binder, leaderElect, identity })
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
            if (!SchedulerSettings.TryBuild(parse.GetValue(config), parse.GetValue(binder), out SchedulerOptions? options, out string? error))
            {
                await Console.Error.WriteLineAsync($"scheduler: {error}");
                return 2;
            }
            WireFormat wire = parse.GetValue(format) == "json" ? WireFormat.Json : WireFormat.MessagePack;
            const string Agent = "rorch-scheduler/1";
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
                await Console.Error.WriteLineAsync($"scheduler: {e.Message}");
                return 2;
            }
            options = options with { LeaderElect = parse.GetValue(leaderElect) };
            if (parse.GetValue(identity) is { Length: > 0 } id)
            {
                options = options with { Identity = id };
            }
            return await ComponentHost.RunAsync(client, (cluster, loggers, stop) => new KubeScheduler(cluster, options, loggers).RunAsync(stop), ct);
        });
        return command;
    }
}

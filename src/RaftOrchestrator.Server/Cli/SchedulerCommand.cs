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
        var flags = new ClusterClientFlags();
        var config = new Option<string?>("--config") { Description = "A KubeSchedulerConfiguration file (profiles, plugins, weights); default: the default profile." };
        var binder = new Option<string>("--binder") { Description = $"How bindings are written: {SchedulerSettings.BinderValues}.", DefaultValueFactory = _ => "binding-batch" };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Schedule only while holding the kube-system/kube-scheduler Lease.", DefaultValueFactory = _ => true };
        var identity = new Option<string?>("--identity") { Description = "Lease holder identity (default <host>_<random>)." };
        var command = new Command("scheduler", "Run the scheduler as its own process against a cluster's API.");
        foreach (Option option in new Option[] { config, binder, leaderElect, identity })
        {
            command.Options.Add(option);
        }
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!SchedulerSettings.TryBuild(parse.GetValue(config), parse.GetValue(binder), out SchedulerOptions? options, out string? error))
            {
                await Console.Error.WriteLineAsync($"scheduler: {error}");
                return 2;
            }
            if (!flags.TryBuild(parse, "rorch-scheduler/1", out ClusterClientOptions client, out string? clientError))
            {
                await Console.Error.WriteLineAsync($"scheduler: {clientError}");
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

using System.CommandLine;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// The command line: one subcommand per mode, all sharing the recursive options of <see cref="CliOptions"/>.
/// </summary>
internal static class LoadGenCli
{
    public static RootCommand Build()
    {
        var options = new CliOptions();
        var root = new RootCommand("ro-loadgen: etcd v3 load generator (put, range, watch, failover, status, fill)");
        foreach (var option in new Option[]
        {
            options.Endpoints, options.Clients, options.Conns, options.Total, options.MaxSeconds, options.ValueSize,
            options.Target, options.Warmup, options.Keys, options.Serializable, options.TimeoutMs,
            options.ExitAfterRecoveryMs, options.Log, options.Prefix, options.Run, options.MaxOps,
        })
        {
            root.Options.Add(option);
        }

        Add(root, options, "put", "Closed loop of puts of distinct keys", (s, ct) => PutMode.RunAsync(s, "put", ct));
        Add(root, options, "range", "Single-key gets among --keys keys written first", RangeMode.RunAsync);
        Add(root, options, "watch", "Watch delivery latency on the leader and a follower", WatchMode.RunAsync);
        Add(root, options, "failover", "Writes through a leader kill; logs every attempt", FailoverMode.RunAsync);
        Add(root, options, "status", "Maintenance.Status of every endpoint and the leader", StatusMode.RunAsync);
        Add(root, options, "fill", "put with --prefix and no warm-up, for memory and disk figures", FillAsync);
        return root;
    }

    private static Task<int> FillAsync(RunSettings settings, CancellationToken cancellationToken) =>
        PutMode.RunAsync(settings with { Warmup = 0 }, "fill", cancellationToken);

    private static void Add(RootCommand root, CliOptions options, string name, string description,
        Func<RunSettings, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await run(RunSettings.From(parse, options), ct);
            }
            catch (Exception ex)
                when (ex is ArgumentException or InvalidOperationException or OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"ro-loadgen {name}: {ex.Message}");
                return 2;
            }
        });
        root.Subcommands.Add(command);
    }
}

using System.CommandLine;

namespace RaftOrchestrator.SchedBench;

/// <summary>The root command: parse, run, and map expected failures to exit code 2 with a one-line message.</summary>
internal static class SchedBenchCli
{
    public static RootCommand Build()
    {
        var options = new SchedOptions();
        var root = new RootCommand("ro-schedbench: scheduler_perf-style benchmark of a rorch cluster (N nodes, M pods created through the API, pods bound per second seen through a watch)");
        foreach (Option option in options.All)
        {
            root.Options.Add(option);
        }
        root.SetAction(async (parse, ct) =>
        {
            try
            {
                return await SchedRunner.RunAsync(SchedSettings.From(parse, options), ct);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync($"ro-schedbench: {e.Message}");
                return 2;
            }
        });
        return root;
    }
}

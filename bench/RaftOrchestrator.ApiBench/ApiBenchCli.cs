using System.CommandLine;

namespace RaftOrchestrator.ApiBench;

/// <summary>The root command: parse, run, and map expected failures to exit code 2 with a one-line message.</summary>
internal static class ApiBenchCli
{
    public static RootCommand Build()
    {
        var options = new BenchOptions();
        var root = new RootCommand("ro-apibench: Kubernetes API macro benchmark of a 3-replica rorch cluster (create, get, list, watch fan-out; JSON and MessagePack; leader and follower)");
        foreach (Option option in options.All)
        {
            root.Options.Add(option);
        }
        root.SetAction(async (parse, ct) =>
        {
            try
            {
                return await BenchRunner.RunAsync(BenchSettings.From(parse, options), ct);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync($"ro-apibench: {e.Message}");
                return 2;
            }
        });
        return root;
    }
}

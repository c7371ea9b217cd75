using System.CommandLine;

namespace RaftOrchestrator.ApiBench;

/// <summary>The root command: parse, run (expected failures: exit code 2 with a one-line message, see <see cref="BenchCli"/>).</summary>
internal static class ApiBenchCli
{
    public static RootCommand Build()
    {
        var options = new BenchOptions();
        return BenchCli.Build("ro-apibench",
            "ro-apibench: Kubernetes API macro benchmark of a 3-replica rorch cluster (create, get, list, watch fan-out; JSON and MessagePack; leader and follower)",
            options.All, (parse, ct) => BenchRunner.RunAsync(BenchSettings.From(parse, options), ct));
    }
}

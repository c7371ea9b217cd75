using System.CommandLine;

namespace RaftOrchestrator.SchedBench;

/// <summary>The root command: parse, run (expected failures: exit code 2 with a one-line message, see <see cref="BenchCli"/>).</summary>
internal static class SchedBenchCli
{
    public static RootCommand Build()
    {
        var options = new SchedOptions();
        return BenchCli.Build("ro-schedbench",
            "ro-schedbench: scheduler_perf-style benchmark of a rorch cluster (N nodes, M pods created through the API, pods bound per second seen through a watch)",
            options.All, (parse, ct) => SchedRunner.RunAsync(SchedSettings.From(parse, options), ct));
    }
}

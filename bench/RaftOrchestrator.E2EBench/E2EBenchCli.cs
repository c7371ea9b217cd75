using System.CommandLine;

namespace RaftOrchestrator.E2EBench;

/// <summary>The root command: parse, run (expected failures: exit code 2 with a one-line message, see <see cref="BenchCli"/>).</summary>
internal static class E2EBenchCli
{
    public static RootCommand Build()
    {
        var options = new E2EOptions();
        return BenchCli.Build("ro-e2ebench",
            "ro-e2ebench: end-to-end pods/s of a rorch control plane with `rorch sim-nodes` (Deployments of N pods, each timed to Running and Ready through a watch)",
            options.All, (parse, ct) => E2ERunner.RunAsync(E2ESettings.From(parse, options), ct));
    }
}

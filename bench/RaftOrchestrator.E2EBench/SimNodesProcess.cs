using System.Globalization;

namespace RaftOrchestrator.E2EBench;

/// <summary>The benchmark's `rorch sim-nodes`, pointed at every replica (its nodes are thrown away with the cluster).</summary>
internal static class SimNodesProcess
{
    public static RorchProcess Start(string rorchDll, IEnumerable<Uri> servers, int nodes, string startLatency, IEnumerable<string> extraArgs, string directory) =>
        RorchProcess.Start(rorchDll,
            ["sim-nodes", "--server", RorchProcess.Servers(servers), "--count", nodes.ToString(CultureInfo.InvariantCulture),
                "--start-latency", startLatency, "--stats-interval", "5s", .. extraArgs],
            directory, "sim-nodes.log");
}

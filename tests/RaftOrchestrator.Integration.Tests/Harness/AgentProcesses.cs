using System.Globalization;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>`rorch agent` processes for tests: the process runtime, data under the cluster's root, a loopback node IP and log endpoint.</summary>
internal static class AgentProcesses
{
    /// <summary>
    /// Starts an agent for node <paramref name="node"/> against <paramref name="apiUrl"/> with a 4 s node lease
    /// (renewed every second: fixtures run the node lifecycle controller with a 4 s grace period).
    /// </summary>
    public static RorchProcess Start(ProcessCluster cluster, string apiUrl, string node, params string[] extraArgs) =>
        RorchProcess.Start(cluster.Root, $"agent-{node}",
        [
            "agent", "--server", apiUrl, "--node-name", node, "--runtime", "process",
            "--data-dir", Path.Combine(cluster.Root, "agents", node),
            "--listen", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Ports.Next()}"),
            "--node-ip", "127.0.0.1", "--node-lease-duration-seconds", "4",
            .. extraArgs,
        ]);
}

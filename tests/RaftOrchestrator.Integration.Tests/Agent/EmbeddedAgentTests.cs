using System.Globalization;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// `rorch server --agent process`: the replica registers its own host as a Ready node and runs a pod kubectl
/// creates as a real process, whose output `kubectl logs` reads through the agent's loopback endpoint; stopping the
/// replica (SIGTERM) ends that process.
/// </summary>
public sealed class EmbeddedAgentTests(EmbeddedAgentTests.EmbeddedFixture fixture) : IClassFixture<EmbeddedAgentTests.EmbeddedFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_WithTheEmbeddedProcessAgent_IsAReadyNode_RunsAPod_AndEndsItsContainersWhenStopped()
    {
        Kubectl k = fixture.Kubectl;
        string marker = $"it-embedded-{Guid.NewGuid():N}";
        try
        {
            await ProcessCluster.WaitUntilAsync(async () =>
                await k.OkAsync("get", "node", "it-embedded", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}") == "True",
                "the replica's own node to be Ready", 60, Ct);
            Assert.NotEqual("0", await k.OkAsync("get", "node", "it-embedded", "-o", "jsonpath={.status.daemonEndpoints.kubeletEndpoint.Port}"));

            await k.OkAsync("run", "looper", "--image", "busybox", "--restart", "Never", "--command", "--",
                "sh", "-c", $"echo {marker}; i=0; while [ $i -lt 120 ]; do i=$((i+1)); sleep 1; done");
            await ProcessCluster.WaitUntilAsync(async () =>
                await k.OkAsync("get", "pod", "looper", "-o", "jsonpath={.spec.nodeName} {.status.phase}") == "it-embedded Running",
                "looper to run on the replica's node", 60, Ct);
            Assert.NotEmpty(ProcessesWith(marker));
            await ProcessCluster.WaitUntilAsync(async () =>
                (await k.RunAsync(["logs", "looper"])) is { ExitCode: 0 } logs && logs.Output.Contains(marker, StringComparison.Ordinal),
                "kubectl logs to show the marker through the embedded agent's endpoint", 30, Ct);

            await fixture.Cluster.Members[0].StopAsync();
            Assert.Equal(0, fixture.Cluster.Members[0].ExitCode);
            Assert.Empty(ProcessesWith(marker));
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
    }

    /// <summary>PIDs whose command line contains <paramref name="marker"/> (read from /proc).</summary>
    private static List<int> ProcessesWith(string marker)
    {
        var pids = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }
        return pids;
    }

    /// <summary>One replica with controllers, scheduler and the embedded process agent as node it-embedded.</summary>
    public sealed class EmbeddedFixture : KubeClusterFixture
    {
        private readonly string _agentPort = Ports.Next().ToString(CultureInfo.InvariantCulture);

        protected override int Size => 1;

        protected override string[] ExtraArgs =>
            ["--controllers", "*", "--scheduler", "default", "--agent", "process", "--node-name", "it-embedded", "--agent-listen", $"127.0.0.1:{_agentPort}"];
    }
}

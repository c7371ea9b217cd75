using RaftOrchestrator.Integration.Tests.Controllers;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// `rorch sim-nodes` as its own process against a real `rorch server` (embedded controllers and scheduler): its
/// nodes register Ready and keep their leases fresh, a Deployment's pods are bound to them and reported Running and
/// Ready, and scaled-down pods are stopped and deleted for good.
/// </summary>
public sealed class SimNodesTests(SimNodesTests.SchedulingFixture fixture) : IClassFixture<SimNodesTests.SchedulingFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SimNodes_RegisterReadyNodes_RenewLeases_AndRunADeploymentsPods()
    {
        Kubectl k = fixture.Kubectl;
        using var sim = RorchProcess.Start(fixture.Cluster.Root, "sim-nodes",
            "sim-nodes", "--server", fixture.Target.ApiUrl, "--count", "3", "--name-prefix", "it-sim-",
            "--start-latency", "100ms", "--lease-renew-interval", "1s", "--stats-interval", "0");
        try
        {
            await ProcessCluster.WaitUntilAsync(async () =>
            {
                KubectlResult nodes = await k.RunAsync(["get", "nodes", "-l", "node.raftorchestrator.io/simulated=true",
                    "-o", "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"]);
                return nodes.ExitCode == 0 && nodes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries) is { Length: 3 } ready && ready.All(s => s == "True");
            }, "three Ready simulated nodes", 60, Ct);

            // A node is registered (Ready) before its first lease write: wait for the lease to exist.
            string renewed = "";
            await ProcessCluster.WaitUntilAsync(async () =>
            {
                KubectlResult lease = await k.RunAsync(["get", "lease", "it-sim-1", "-n", "kube-node-lease", "-o", "jsonpath={.spec.renewTime}"]);
                renewed = lease.Output;
                return lease.ExitCode == 0 && renewed.Length > 0;
            }, "it-sim-1's lease", 15, Ct);
            await ProcessCluster.WaitUntilAsync(async () =>
                await k.OkAsync("get", "lease", "it-sim-1", "-n", "kube-node-lease", "-o", "jsonpath={.spec.renewTime}") != renewed,
                "the lease to be renewed (every second)", 15, Ct);

            await k.OkWithInputAsync(Manifests.Namespace("sim-nodes"), "apply", "-f", "-");
            await k.OkAsync("create", "deployment", "web", "-n", "sim-nodes", "--image", "registry.example/web:1", "--replicas", "4");
            await ProcessCluster.WaitUntilAsync(async () =>
            {
                KubectlResult pods = await k.RunAsync(["get", "pods", "-n", "sim-nodes", "-o",
                    "jsonpath={range .items[*]}{.spec.nodeName} {.status.phase} {.status.conditions[?(@.type==\"Ready\")].status} {.status.podIP}{\"\\n\"}{end}"]);
                string[] lines = pods.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                return pods.ExitCode == 0 && lines.Length == 4
                    && lines.All(l => l.StartsWith("it-sim-", StringComparison.Ordinal) && l.Contains(" Running True 10.", StringComparison.Ordinal));
            }, "four pods Running and Ready on simulated nodes", 60, Ct);
            await ProcessCluster.WaitUntilAsync(async () =>
                await k.OkAsync("get", "deployment", "web", "-n", "sim-nodes", "-o", "jsonpath={.status.availableReplicas}") == "4",
                "the Deployment to count four available", 30, Ct);

            await k.OkAsync("scale", "deployment", "web", "-n", "sim-nodes", "--replicas", "1");
            await ProcessCluster.WaitUntilAsync(async () =>
                (await k.OkAsync("get", "pods", "-n", "sim-nodes", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1,
                "three pods stopped and deleted", 60, Ct);
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        Assert.False(sim.HasExited, $"sim-nodes exited:\n{sim.Log()}");
    }

    /// <summary>One replica with the controller manager and the scheduler (whose pods the simulated nodes run).</summary>
    public sealed class SchedulingFixture : KubeClusterFixture
    {
        protected override int Size => 1;

        protected override string[] ExtraArgs => ["--controllers", "*", "--scheduler", "default"];
    }
}

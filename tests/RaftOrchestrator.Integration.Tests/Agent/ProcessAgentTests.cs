using RaftOrchestrator.Integration.Tests.Controllers;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// `rorch agent --runtime process` processes against a real `rorch server` (embedded controllers and scheduler,
/// node grace 4 s) driven by the real kubectl: a Deployment's pods run as host processes and turn Ready; a killed
/// agent's node goes NotReady and its pods are evicted and replaced on the other node; run-to-completion pods end
/// Succeeded or Failed with their exit codes; a container the runtime cannot run says why.
/// </summary>
/// <remarks>
/// Containers loop a bounded number of times (a SIGKILLed agent cannot stop the ones it started, so they end by
/// themselves); agents the tests stop get SIGTERM, which ends their containers.
/// </remarks>
public sealed class ProcessAgentTests(ProcessAgentTests.AgentFixture fixture) : IClassFixture<ProcessAgentTests.AgentFixture>
{
    private const string Loop = "i=0; while [ $i -lt 150 ]; do i=$((i+1)); sleep 1; done";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Kubectl K => fixture.Kubectl;

    [Fact]
    public async Task Deployment_RunsReadyOnProcessAgents_AndAKilledAgentsPodsAreReplacedOnTheOtherNode()
    {
        await K.OkWithInputAsync(Manifests.Namespace("agents-e2e"), "apply", "-f", "-");
        using RorchProcess a = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, "evict-a", "--node-labels", "it-group=evict");
        using RorchProcess b = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, "evict-b", "--node-labels", "it-group=evict");
        try
        {
            await WaitForReadyNodesAsync("it-group=evict", 2);
            await K.OkWithInputAsync(Deployment("agents-e2e", "web", 3), "apply", "-f", "-");
            string[] placed = await WaitForPodsAsync("agents-e2e", "app=web", 3, p => p.Phase == "Running" && p.Ready, "three Running and Ready pods", 90);
            await ProcessCluster.WaitUntilAsync(async () =>
                await K.OkAsync("get", "deployment", "web", "-n", "agents-e2e", "-o", "jsonpath={.status.availableReplicas}") == "3",
                "the Deployment to count three available", 30, Ct);

            // The scheduler spreads the three over both nodes; kill -9 the agent of one that has a pod.
            bool aHasOne = placed.Any(p => p.StartsWith("evict-a ", StringComparison.Ordinal));
            (RorchProcess victim, string dead, string alive) = aHasOne ? (a, "evict-a", "evict-b") : (b, "evict-b", "evict-a");
            await victim.KillAsync();

            await ProcessCluster.WaitUntilAsync(async () =>
                (await K.OkAsync("get", "node", dead, "--no-headers")).Contains(" NotReady ", StringComparison.Ordinal),
                $"{dead} to go NotReady", 60, Ct);
            string[] moved = await WaitForPodsAsync("agents-e2e", "app=web", 3,
                p => p.Node == alive && p.Phase == "Running" && p.Ready, $"three Running and Ready pods on {alive}", 120);
            Assert.All(moved, line => Assert.StartsWith(alive + " ", line, StringComparison.Ordinal));
            Assert.Contains("node.kubernetes.io/unreachable", await K.OkAsync("get", "node", dead, "-o", "jsonpath={.spec.taints[*].key}"), StringComparison.Ordinal);
            Assert.False((victim == a ? b : a).HasExited, "the other agent exited");
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        finally
        {
            await K.RunAsync(["delete", "namespace", "agents-e2e", "--wait=false"]);
        }
    }

    [Fact]
    public async Task RunToCompletionPods_EndSucceededOrFailed_AndAPodWithoutACommandSaysWhy()
    {
        await K.OkWithInputAsync(Manifests.Namespace("agents-jobs"), "apply", "-f", "-");
        using RorchProcess agent = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, "jobs-node", "--node-labels", "it-group=jobs");
        try
        {
            await WaitForReadyNodesAsync("it-group=jobs", 1);
            await K.OkWithInputAsync(NeverPod("agents-jobs", "ok", "echo done; exit 0"), "apply", "-f", "-");
            await K.OkWithInputAsync(NeverPod("agents-jobs", "bad", "echo failing >&2; exit 3"), "apply", "-f", "-");
            await K.OkWithInputAsync(NeverPod("agents-jobs", "no-command", null), "apply", "-f", "-");

            await ProcessCluster.WaitUntilAsync(async () => await PhaseAsync("ok") == "Succeeded", "ok to succeed", 60, Ct);
            Assert.Equal("0 Completed", await K.OkAsync("get", "pod", "ok", "-n", "agents-jobs", "-o",
                "jsonpath={.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}"));
            await ProcessCluster.WaitUntilAsync(async () => await PhaseAsync("bad") == "Failed", "bad to fail", 60, Ct);
            Assert.Equal("3 Error 0", await K.OkAsync("get", "pod", "bad", "-n", "agents-jobs", "-o",
                "jsonpath={.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason} {.status.containerStatuses[0].restartCount}"));

            await ProcessCluster.WaitUntilAsync(async () =>
                await K.OkAsync("get", "pod", "no-command", "-n", "agents-jobs", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}") == "CreateContainerError",
                "no-command to wait with CreateContainerError", 60, Ct);
            Assert.Contains("command", await K.OkAsync("get", "pod", "no-command", "-n", "agents-jobs", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.message}"), StringComparison.Ordinal);
            Assert.Equal("Pending", await PhaseAsync("no-command"));
            Assert.False(agent.HasExited, $"the agent exited:\n{agent.Log()}");
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        finally
        {
            await K.RunAsync(["delete", "namespace", "agents-jobs", "--wait=false"]);
        }

        Task<string> PhaseAsync(string pod) => K.OkAsync("get", "pod", pod, "-n", "agents-jobs", "-o", "jsonpath={.status.phase}");
    }

    private async Task WaitForReadyNodesAsync(string selector, int count) =>
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            KubectlResult nodes = await K.RunAsync(["get", "nodes", "-l", selector, "-o",
                "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"]);
            return nodes.ExitCode == 0 && nodes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries) is { } ready && ready.Length == count && ready.All(s => s == "True");
        }, $"{count} Ready node(s) {selector}", 60, Ct);

    /// <summary>
    /// Polls until exactly <paramref name="count"/> pods of the selector are not being deleted and all satisfy
    /// <paramref name="accept"/>; returns their "node phase ready" lines.
    /// </summary>
    private async Task<string[]> WaitForPodsAsync(string ns, string selector, int count, Func<PodLine, bool> accept, string what, int seconds)
    {
        string[] lines = [];
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            KubectlResult pods = await K.RunAsync(["get", "pods", "-n", ns, "-l", selector, "-o",
                "jsonpath={range .items[*]}{.metadata.deletionTimestamp}|{.spec.nodeName}|{.status.phase}|{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"]);
            if (pods.ExitCode != 0)
            {
                return false;
            }
            PodLine[] live = [.. pods.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('|'))
                .Where(f => f.Length == 4 && f[0].Length == 0)
                .Select(f => new PodLine(f[1], f[2], f[3] == "True"))];
            lines = [.. live.Select(p => $"{p.Node} {p.Phase} {p.Ready}")];
            return live.Length == count && live.All(accept);
        }, what, seconds, Ct);
        return lines;
    }

    private static string Deployment(string ns, string name, int replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              nodeSelector: {it-group: evict}
              terminationGracePeriodSeconds: 2
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 1}
              - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 1}
              containers:
              - name: main
                image: busybox
                command: [sh, -c, "{{Loop}}"]
                readinessProbe:
                  exec: {command: [sh, -c, "test -d /proc/self"]}
                  periodSeconds: 1
        """;

    private static string NeverPod(string ns, string name, string? script) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
          restartPolicy: Never
          nodeSelector: {it-group: jobs}
          containers:
          - name: main
            image: busybox
        {{(script is null ? "" : $"    command: [sh, -c, \"{script}\"]")}}
        """;

    private sealed record PodLine(string Node, string Phase, bool Ready);

    /// <summary>One replica with the controller manager (node grace 4 s) and the scheduler; no embedded agent.</summary>
    public sealed class AgentFixture : KubeClusterFixture
    {
        protected override int Size => 1;

        protected override string[] ExtraArgs => ["--controllers", "*", "--scheduler", "default", "--node-monitor-grace-period", "4"];
    }
}

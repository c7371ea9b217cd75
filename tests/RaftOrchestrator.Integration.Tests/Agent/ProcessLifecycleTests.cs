using RaftOrchestrator.Integration.Tests.Controllers;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// A pod's lifecycle on the process runtime, end to end: a real `rorch server`, one `rorch agent --runtime process`
/// and the real kubectl. A failing liveness probe restarts the container, a readiness probe gates Ready (the test
/// creates the file the probe looks for: the container runs on this host), a crashing container goes into
/// CrashLoopBackOff, and a deleted pod runs its preStop hook, then gets SIGTERM within its grace period.
/// </summary>
public sealed class ProcessLifecycleTests(ProcessAgentTests.AgentFixture fixture) : IClassFixture<ProcessAgentTests.AgentFixture>
{
    private const string Ns = "agents-life";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Kubectl K => fixture.Kubectl;

    [Fact]
    public async Task Probes_LivenessRestarts_ReadinessGatesReady_CrashLoopBacksOff_AndDeletionRunsPreStopThenTerm()
    {
        string dir = Directory.CreateDirectory(Path.Combine(fixture.Cluster.Root, "life-files")).FullName;
        string ready = Path.Combine(dir, "ready"), trace = Path.Combine(dir, "trace");
        await K.OkWithInputAsync(Manifests.Namespace(Ns), "apply", "-f", "-");
        using RorchProcess agent = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, "life-node", "--node-labels", "it-group=life");
        try
        {
            await ProcessCluster.WaitUntilAsync(async () =>
                (await K.RunAsync(["get", "node", "life-node", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"])) is { ExitCode: 0, Output: "True" },
                "life-node to be Ready", 60, Ct);
            await K.OkWithInputAsync(Pod("liveness", "sleep 100", """
                    livenessProbe:
                      exec: {command: [sh, -c, "exit 1"]}
                      initialDelaySeconds: 1
                      periodSeconds: 1
                      failureThreshold: 2
                """), "apply", "-f", "-");
            await K.OkWithInputAsync(Pod("readiness", "sleep 100", $$"""
                    readinessProbe:
                      exec: {command: [test, -f, "{{ready}}"]}
                      periodSeconds: 1
                """), "apply", "-f", "-");
            await K.OkWithInputAsync(Pod("crasher", "echo crashing; exit 1", ""), "apply", "-f", "-");
            await K.OkWithInputAsync(Pod("graceful", $"trap 'echo term >> {trace}; exit 0' TERM; i=0; while [ $i -lt 100 ]; do i=$((i+1)); sleep 1; done", $$"""
                    lifecycle:
                      preStop:
                        exec: {command: [sh, -c, "echo prestop >> {{trace}}"]}
                """, grace: 20), "apply", "-f", "-");

            // Liveness: the container is killed and started again.
            await ProcessCluster.WaitUntilAsync(async () =>
                int.TryParse(await K.OkAsync("get", "pod", "liveness", "-n", Ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}"), out int restarts) && restarts >= 1,
                "the liveness probe to restart the container", 60, Ct);
            await ProcessCluster.WaitUntilAsync(async () =>
                (await K.OkAsync("get", "events", "-n", Ns, "--field-selector", "involvedObject.name=liveness", "-o", "jsonpath={.items[*].reason}")).Contains("Unhealthy", StringComparison.Ordinal),
                "an Unhealthy event for liveness", 30, Ct);

            // Readiness: Running but not Ready until the probe's file exists.
            await ProcessCluster.WaitUntilAsync(async () =>
                await K.OkAsync("get", "pod", "readiness", "-n", Ns, "-o", "jsonpath={.status.phase}") == "Running", "readiness to run", 60, Ct);
            await Task.Delay(2_500, Ct); // a few probe periods
            Assert.Equal("False", await ReadyAsync("readiness"));
            await File.WriteAllTextAsync(ready, "yes", Ct);
            await ProcessCluster.WaitUntilAsync(async () => await ReadyAsync("readiness") == "True", "readiness to turn Ready", 30, Ct);

            // Crash loop: restarted, then backed off.
            await ProcessCluster.WaitUntilAsync(async () =>
                await K.OkAsync("get", "pod", "crasher", "-n", Ns, "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}") == "CrashLoopBackOff",
                "crasher to back off", 60, Ct);
            Assert.Equal("1", await K.OkAsync("get", "pod", "crasher", "-n", Ns, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"));

            // Graceful deletion: preStop, then SIGTERM, well within the 20 s grace.
            await ProcessCluster.WaitUntilAsync(async () => await ReadyAsync("graceful") == "True", "graceful to be Ready", 60, Ct);
            await K.OkAsync("delete", "pod", "graceful", "-n", Ns, "--wait=false");
            await ProcessCluster.WaitUntilAsync(async () =>
                (await K.RunAsync(["get", "pod", "graceful", "-n", Ns])).ExitCode != 0, "graceful to be deleted", 30, Ct);
            Assert.Equal(["prestop", "term"], (await File.ReadAllTextAsync(trace, Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.False(agent.HasExited, $"the agent exited:\n{agent.Log()}");
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        finally
        {
            await K.RunAsync(["delete", "namespace", Ns, "--wait=false"]);
        }
    }

    private Task<string> ReadyAsync(string pod) =>
        K.OkAsync("get", "pod", pod, "-n", Ns, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");

    private static string Pod(string name, string script, string extra, int grace = 2) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: {{Ns}}}
        spec:
          nodeSelector: {it-group: life}
          terminationGracePeriodSeconds: {{grace}}
          containers:
          - name: main
            image: busybox
            command: [sh, -c, "{{script}}"]
        {{extra}}
        """;
}

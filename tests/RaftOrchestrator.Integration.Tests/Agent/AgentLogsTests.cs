using System.Text.RegularExpressions;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// `kubectl logs` end to end: the real kubectl against a real `rorch server`, which proxies pods/log to a real
/// `rorch agent --runtime process` that runs the pods (bound to its node by spec.nodeName, no scheduler) as host
/// processes and serves their CRI log files. Every container's sleep is bounded, so nothing outlives a failed run.
/// </summary>
public sealed partial class AgentLogsTests(ApiOnlyKubeFixture fixture) : IClassFixture<ApiOnlyKubeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_PrintsLines_WithTailTimestampsLimitSince_AndFollowsUntilTheContainerEnds()
    {
        Kubectl k = fixture.Kubectl;
        using RorchProcess agent = await StartAgentAsync("it-logs-1");
        try
        {
            await k.OkWithInputAsync(Pod("two-lines", "it-logs-1", "echo one; echo two; sleep 30"), "apply", "-f", "-");
            await ProcessCluster.WaitUntilAsync(async () => (await k.RunAsync(["logs", "two-lines"])).Output == "one\ntwo\n",
                "kubectl logs to print both lines", 30, Ct);

            Assert.Equal("two\n", await k.OkAsync("logs", "two-lines", "--tail", "1"));
            Assert.Equal("one\ntwo\n", await k.OkAsync("logs", "two-lines", "--tail", "5"));
            Assert.Matches(TimestampedLine(), await k.OkAsync("logs", "two-lines", "--tail", "1", "--timestamps"));
            Assert.Equal("on", await k.OkAsync("logs", "two-lines", "--limit-bytes", "2"));
            Assert.Equal("one\ntwo\n", await k.OkAsync("logs", "two-lines", "--since", "1h"));
            Assert.Equal("one\ntwo\n", await k.OkAsync("logs", "pod/two-lines", "-c", "main"));

            // -f: the stream stays open and delivers a line written after the request started.
            await k.OkWithInputAsync(Pod("ticker", "it-logs-1", "echo first; sleep 8; echo later; sleep 30"), "apply", "-f", "-");
            await ProcessCluster.WaitUntilAsync(async () => (await k.RunAsync(["logs", "ticker"])).Output.StartsWith("first\n", StringComparison.Ordinal),
                "the ticker's first line", 30, Ct);
            string followed = await k.WatchAsync(["logs", "-f", "ticker"], () => Task.CompletedTask, "later", seconds: 20);
            Assert.Equal("first\nlater\n", followed.Replace("\r", "", StringComparison.Ordinal));

            // -f of a container that ends: kubectl exits 0 by itself once the log is drained.
            await k.OkWithInputAsync(Pod("short", "it-logs-1", "echo a; sleep 3; echo b", restartPolicy: "Never"), "apply", "-f", "-");
            await ProcessCluster.WaitUntilAsync(async () => (await k.RunAsync(["logs", "short"])).Output.StartsWith("a\n", StringComparison.Ordinal),
                "the short pod's first line", 30, Ct);
            KubectlResult drained = await k.RunAsync(["logs", "-f", "short"], timeoutSeconds: 30);
            Assert.True(drained.ExitCode == 0, drained.Error);
            Assert.Equal("a\nb\n", drained.Output);

            // Errors, worded as Kubernetes words them.
            Assert.Contains("container nope is not valid for pod two-lines", await k.FailsAsync("logs", "two-lines", "-c", "nope"), StringComparison.Ordinal);
            Assert.Contains("pods \"missing\" not found", await k.FailsAsync("logs", "missing"), StringComparison.Ordinal);
            Assert.Contains("previous terminated container \"main\" in pod \"two-lines\" not found",
                await k.FailsAsync("logs", "two-lines", "--previous"), StringComparison.Ordinal);
            Assert.Contains("PodLogOptions \"two-lines\" is invalid: tailLines: Invalid value: -2: must be greater than or equal to 0",
                await k.FailsAsync("get", "--raw", "/api/v1/namespaces/default/pods/two-lines/log?tailLines=-2"), StringComparison.Ordinal);
            await k.OkWithInputAsync(Pod("pair", "it-logs-1", "echo left; sleep 30", second: "right"), "apply", "-f", "-");
            Assert.Contains("a container name must be specified for pod pair, choose one of: [main right]",
                await k.FailsAsync("get", "--raw", "/api/v1/namespaces/default/pods/pair/log"), StringComparison.Ordinal);
            await k.OkWithInputAsync(Pod("unbound", null, "echo never"), "apply", "-f", "-");
            Assert.Contains("pod unbound does not have a host assigned",
                await k.FailsAsync("get", "--raw", "/api/v1/namespaces/default/pods/unbound/log"), StringComparison.Ordinal);

            await k.OkAsync("delete", "pod", "two-lines", "ticker", "short", "pair", "unbound", "--grace-period", "1", "--wait=false");
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        Assert.False(agent.HasExited, $"the agent exited:\n{agent.Log()}");
    }

    [Fact]
    public async Task LogsPrevious_ShowsTheAttemptBeforeARestart()
    {
        Kubectl k = fixture.Kubectl;
        using RorchProcess agent = await StartAgentAsync("it-logs-2");
        try
        {
            // Attempt 1 crashes with 3 and attempt 2 (the first restart has no back-off) keeps running. The working
            // directory outlives attempts, so the counter file numbers them.
            const string Script = "n=`cat n 2>/dev/null || echo 0`; n=`expr $n + 1`; echo $n > n; echo attempt $n; if [ $n -lt 2 ]; then exit 3; fi; sleep 30";
            await k.OkWithInputAsync(Pod("crasher", "it-logs-2", Script), "apply", "-f", "-");
            await ProcessCluster.WaitUntilAsync(async () =>
                (await k.RunAsync(["get", "pod", "crasher", "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"])).Output == "3",
                "the first attempt to crash with 3", 30, Ct);
            Assert.Equal("attempt 1\n", await k.OkAsync("logs", "crasher", "--previous"));
            await ProcessCluster.WaitUntilAsync(async () =>
                (await k.RunAsync(["get", "pod", "crasher", "-o", "jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.running.startedAt}"])).Output
                    is { } s && s.StartsWith("1 2", StringComparison.Ordinal),
                "the second attempt to run", 40, Ct);
            await ProcessCluster.WaitUntilAsync(async () => (await k.RunAsync(["logs", "crasher"])).Output == "attempt 2\n",
                "the running attempt's log", 15, Ct);
            Assert.Equal("attempt 1\n", await k.OkAsync("logs", "crasher", "--previous"));
            Assert.Equal("attempt 1\n", await k.OkAsync("logs", "crasher", "-p", "--tail", "1"));
            await k.OkAsync("delete", "pod", "crasher", "--grace-period", "1", "--wait=false");
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        Assert.False(agent.HasExited, $"the agent exited:\n{agent.Log()}");
    }

    /// <summary>Starts an agent and waits until its Node publishes the agent's port.</summary>
    private async Task<RorchProcess> StartAgentAsync(string nodeName)
    {
        RorchProcess agent = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, nodeName);
        try
        {
            await ProcessCluster.WaitUntilAsync(async () =>
                (await fixture.Kubectl.RunAsync(["get", "node", nodeName, "-o", "jsonpath={.status.daemonEndpoints.kubeletEndpoint.Port}"])).Output
                    is { Length: > 0 } port && port != "0",
                $"node {nodeName} registered with its agent's port", 60, Ct);
            return agent;
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            agent.Dispose();
            throw;
        }
    }

    private static string Pod(string name, string? node, string script, string restartPolicy = "Always", string? second = null) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: default
        spec:
          {{(node is null ? "" : $"nodeName: {node}")}}
          restartPolicy: {{restartPolicy}}
          terminationGracePeriodSeconds: 1
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", {{System.Text.Json.JsonSerializer.Serialize(script)}}]
        {{(second is null ? "" : $"  - name: {second}\n    image: busybox\n    command: [\"sh\", \"-c\", \"sleep 30\"]")}}
        """;

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z two\n$")]
    private static partial Regex TimestampedLine();
}

using System.Globalization;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Controllers;

/// <summary>
/// The embedded node lifecycle and taint eviction controllers against a real `rorch server` (grace period 4 s):
/// the test plays two agents — one keeps renewing its kube-node-lease Lease, the other stops — and kubectl sees
/// the silent node go Ready=Unknown with the unreachable taints, and its pods evicted by their tolerations.
/// </summary>
public sealed class NodeLifecycleTests(FastNodeGraceKubeFixture fixture) : IClassFixture<FastNodeGraceKubeFixture>
{
    private Kubectl K => fixture.Kubectl;

    private static string Now(string format) => TimeProvider.System.GetUtcNow().UtcDateTime.ToString(format, CultureInfo.InvariantCulture);

    private static string Node(string name) => $$"""
        apiVersion: v1
        kind: Node
        metadata:
          name: {{name}}
        status:
          conditions:
          - {type: Ready, status: "True", reason: KubeletReady, lastHeartbeatTime: "{{Now("yyyy-MM-ddTHH:mm:ssZ")}}", lastTransitionTime: "{{Now("yyyy-MM-ddTHH:mm:ssZ")}}"}
        """;

    private static string Lease(string name) => $$"""
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata:
          name: {{name}}
          namespace: kube-node-lease
        spec:
          holderIdentity: {{name}}
          leaseDurationSeconds: 4
          renewTime: "{{Now("yyyy-MM-ddTHH:mm:ss.ffffffZ")}}"
        """;

    private static string Pod(string ns, string name, string node, long? unreachableSeconds) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          nodeName: {{node}}
          containers:
          - {name: main, image: nginx}
        {{(unreachableSeconds is { } s ? $"  tolerations:\n  - {{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: {s}}}" : "")}}
        """;

    private Task<string> RenewAsync(string name) =>
        K.OkAsync("patch", "lease", name, "-n", "kube-node-lease", "--type", "merge", "-p", $"{{\"spec\":{{\"renewTime\":\"{Now("yyyy-MM-ddTHH:mm:ss.ffffffZ")}\"}}}}");

    /// <summary>Renews <paramref name="alive"/>'s lease while polling until <paramref name="accept"/> holds.</summary>
    private async Task<string> WhileRenewingAsync(string alive, string[] query, Func<string, bool> accept, string what, int seconds)
    {
        DateTime deadline = ProcessCluster.Deadline(TimeSpan.FromSeconds(seconds));
        string last = "";
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
        {
            await RenewAsync(alive);
            KubectlResult result = await K.RunAsync(query);
            last = result.Output + result.Error;
            if (result.ExitCode == 0 && accept(result.Output))
            {
                return result.Output;
            }
            await Task.Delay(300);
        }
        Assert.Fail($"{what}: not within {seconds} s; last output of kubectl {string.Join(' ', query)}:\n{last}\n{fixture.Cluster.Logs()}");
        return last;
    }

    [Fact]
    public async Task SilentNode_BecomesUnknownWithUnreachableTaints_AndIntolerantPodsAreEvicted()
    {
        await K.OkWithInputAsync(Manifests.Namespace("node-lifecycle"), "apply", "-f", "-");
        foreach (string node in new[] { "it-alive", "it-dark" })
        {
            await K.OkWithInputAsync(Node(node), "create", "-f", "-");
            await K.OkWithInputAsync(Lease(node), "create", "-f", "-");
        }
        await K.OkWithInputAsync(Pod("node-lifecycle", "short", "it-dark", 0), "create", "-f", "-");
        await K.OkWithInputAsync(Pod("node-lifecycle", "patient", "it-dark", null), "create", "-f", "-");
        string defaults = await K.OkAsync("get", "pod", "patient", "-n", "node-lifecycle", "-o",
            "jsonpath={range .spec.tolerations[*]}{.key}:{.effect}:{.tolerationSeconds}{\" \"}{end}");

        string dark = await WhileRenewingAsync("it-alive",
            ["get", "node", "it-dark", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}|{.status.conditions[?(@.type==\"Ready\")].reason}|{range .spec.taints[*]}{.key}:{.effect} {end}"],
            o => o.Contains("node.kubernetes.io/unreachable:NoExecute", StringComparison.Ordinal), "it-dark Unknown with the unreachable NoExecute taint", 40);
        string evicted = await WhileRenewingAsync("it-alive",
            ["get", "pod", "short", "-n", "node-lifecycle", "--ignore-not-found", "-o", "jsonpath={.metadata.deletionTimestamp}"],
            o => o.Trim().Length > 0, "the pod tolerating unreachable for 0 s evicted", 20);
        string alive = await K.OkAsync("get", "node", "it-alive", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}|{.spec.taints}");
        string patient = await K.OkAsync("get", "pod", "patient", "-n", "node-lifecycle", "-o", "jsonpath={.metadata.deletionTimestamp}");

        Assert.Contains("node.kubernetes.io/not-ready:NoExecute:300", defaults, StringComparison.Ordinal);
        Assert.Contains("node.kubernetes.io/unreachable:NoExecute:300", defaults, StringComparison.Ordinal);
        Assert.StartsWith("Unknown|NodeStatusUnknown|", dark, StringComparison.Ordinal);
        Assert.Contains("node.kubernetes.io/unreachable:NoSchedule", dark, StringComparison.Ordinal);
        Assert.NotEmpty(evicted.Trim());
        Assert.Equal("True|", alive);
        Assert.Empty(patient.Trim());
    }
}

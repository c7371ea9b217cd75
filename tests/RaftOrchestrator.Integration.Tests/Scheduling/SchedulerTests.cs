using RaftOrchestrator.Integration.Tests.Controllers;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Scheduling;

/// <summary>
/// The embedded scheduler over real replicas, through kubectl: a Deployment's pods land on nodes with room
/// (PodScheduled=True, Scheduled events), and a pod that fits nowhere says why (FailedScheduling in `kubectl
/// describe`) until a node that fits is added. Each test pins its pods to its own node pool.
/// </summary>
public sealed class SchedulerTests(ThreeReplicaSchedulerFixture fixture) : IClassFixture<ThreeReplicaSchedulerFixture>
{
    [Fact]
    public async Task ADeploymentsPods_AreBoundToNodesThatFit_WithPodScheduledTrue_AndScheduledEvents()
    {
        Kubectl k = fixture.Kubectl;
        const string Ns = "sched-deploy";
        await k.OkWithInputAsync(Manifests.Namespace(Ns), "apply", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Node("deploy-n1", "deploy", cpu: 2), "create", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Node("deploy-n2", "deploy", cpu: 2), "create", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Deployment(Ns, "web", "deploy", replicas: 6, cpu: "500m"), "apply", "-f", "-");

        string[] placed = [];
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            string text = await k.OkAsync("get", "pods", "-n", Ns, "-o",
                "jsonpath={range .items[*]}{.spec.nodeName} {.status.conditions[?(@.type==\"PodScheduled\")].status}{\"\\n\"}{end}");
            placed = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            return placed.Length == 6 && placed.All(l => l.EndsWith(" True", StringComparison.Ordinal));
        }, "six pods bound with PodScheduled=True", 45, TestContext.Current.CancellationToken);

        string[] nodes = [.. placed.Select(l => l.Split(' ')[0])];
        Assert.All(nodes, n => Assert.StartsWith("deploy-n", n, StringComparison.Ordinal));
        // 2 cpu per node, 500m per pod: never more than four on one node.
        Assert.All(nodes.GroupBy(n => n), g => Assert.True(g.Count() <= 4, $"{g.Key} holds {g.Count()} pods"));

        await ProcessCluster.WaitUntilAsync(async () =>
        {
            string events = await k.OkAsync("get", "events", "-n", Ns, "-o", "jsonpath={range .items[*]}{.reason}|{.message}{\"\\n\"}{end}");
            return events.Split('\n').Count(e => e.StartsWith("Scheduled|Successfully assigned " + Ns + "/web-", StringComparison.Ordinal)) == 6;
        }, "six Scheduled events", 20, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task APodThatFitsNowhere_ShowsFailedScheduling_ThenIsBoundWhenAFittingNodeIsAdded()
    {
        Kubectl k = fixture.Kubectl;
        const string Ns = "sched-wait";
        await k.OkWithInputAsync(Manifests.Namespace(Ns), "apply", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Node("wait-small", "wait", cpu: 1), "create", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Pod(Ns, "big", "wait", cpu: "3"), "apply", "-f", "-");

        string described = "";
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            described = await k.OkAsync("describe", "pod", "big", "-n", Ns);
            return described.Contains("FailedScheduling", StringComparison.Ordinal);
        }, "FailedScheduling on the pod", 30, TestContext.Current.CancellationToken);
        Assert.Contains("nodes are available:", described, StringComparison.Ordinal);
        Assert.Contains("1 Insufficient cpu", described, StringComparison.Ordinal);
        // The event and the PodScheduled=False status are two independent writes: either may land first.
        string condition = "";
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            condition = (await k.OkAsync("get", "pod", "big", "-n", Ns, "-o",
                "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].status} {.status.conditions[?(@.type==\"PodScheduled\")].reason}")).Trim();
            return condition.Length > 0;
        }, "the PodScheduled condition", 30, TestContext.Current.CancellationToken);
        Assert.Equal("False Unschedulable", condition);

        await k.OkWithInputAsync(SchedulerManifests.Node("wait-large", "wait", cpu: 4), "create", "-f", "-");
        await ProcessCluster.WaitUntilAsync(
            async () => (await k.OkAsync("get", "pod", "big", "-n", Ns, "-o", "jsonpath={.spec.nodeName}")).Trim() == "wait-large",
            "the pod bound to the added node", 30, TestContext.Current.CancellationToken);
    }
}

using RaftOrchestrator.Integration.Tests.Controllers;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Scheduling;

/// <summary>
/// Every replica embeds a scheduler and exactly one leads, by the kube-system/kube-scheduler Lease. Killing the
/// leading replica hands scheduling to another replica's scheduler, whose batches carry its own fence.
/// </summary>
public sealed class SchedulerHandOverTests(ThreeReplicaSchedulerFixture fixture) : IClassFixture<ThreeReplicaSchedulerFixture>
{
    [Fact]
    public async Task KillingTheLeadingSchedulersReplica_HandsOver_AndNewPodsAreBound()
    {
        Kubectl k = fixture.Kubectl;
        const string Ns = "sched-handover";
        await k.OkWithInputAsync(Manifests.Namespace(Ns), "apply", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Node("handover-n1", "handover", cpu: 8), "create", "-f", "-");
        await k.OkWithInputAsync(SchedulerManifests.Pod(Ns, "before", "handover", cpu: "100m"), "apply", "-f", "-");
        await ProcessCluster.WaitUntilAsync(
            async () => (await k.OkAsync("get", "pod", "before", "-n", Ns, "-o", "jsonpath={.spec.nodeName}")).Trim() == "handover-n1",
            "the first pod bound", 30, TestContext.Current.CancellationToken);

        string holder = await k.OkAsync("get", "lease", "kube-scheduler", "-n", "kube-system", "-o", "jsonpath={.spec.holderIdentity}");
        ProcessMember leading = fixture.Cluster.Members.Single(m => holder.StartsWith(m.Name + "_", StringComparison.Ordinal));
        ProcessMember survivor = fixture.Cluster.Members.First(m => m != leading);
        var kubectl = new Kubectl(survivor.Kubeconfig, Directory.CreateDirectory(Path.Combine(fixture.Cluster.Root, "kubectl-sched-survivor")).FullName);
        await leading.KillAsync();

        await kubectl.OkWithInputAsync(SchedulerManifests.Pod(Ns, "after", "handover", cpu: "100m"), "apply", "-f", "-");
        await ProcessCluster.WaitUntilAsync(
            async () => (await kubectl.RunAsync(["get", "pod", "after", "-n", Ns, "-o", "jsonpath={.spec.nodeName}"])).Output.Trim() == "handover-n1",
            "the pod created after the kill bound", 50, TestContext.Current.CancellationToken);
        string after = await kubectl.OkAsync("get", "lease", "kube-scheduler", "-n", "kube-system", "-o", "jsonpath={.spec.holderIdentity}");
        Assert.False(after.StartsWith(leading.Name + "_", StringComparison.Ordinal), $"the lease is still held by the killed replica: {after}");
    }
}

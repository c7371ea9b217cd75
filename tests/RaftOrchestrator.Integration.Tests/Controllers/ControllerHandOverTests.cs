using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Controllers;

/// <summary>
/// Every replica embeds a controller manager and exactly one leads, by the kube-system/kube-controller-manager
/// Lease. Killing the replica whose manager leads, in the middle of a rollout, hands the work to another replica's
/// manager, and the rollout still completes with no more pods than the strategy allows.
/// </summary>
public sealed class ControllerHandOverTests(ThreeReplicaKubeFixture fixture) : IClassFixture<ThreeReplicaKubeFixture>
{
    [Fact]
    public async Task KillingTheLeadingManagersReplica_HandsOver_AndTheRolloutCompletes()
    {
        Kubectl k = fixture.Kubectl;
        const string Ns = "ctl-handover";
        await k.OkWithInputAsync(Manifests.Namespace(Ns), "apply", "-f", "-");
        await using var readier = new PodReadier(fixture.Cluster.Members, Ns);
        await k.OkWithInputAsync(Manifests.Deployment(Ns, "web", "nginx:1.27", 3), "apply", "-f", "-");
        await k.OkAsync("rollout", "status", "deployment/web", "-n", Ns, "--timeout=60s");
        string holder = await k.OkAsync("get", "lease", "kube-controller-manager", "-n", "kube-system", "-o", "jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}");
        ProcessMember leading = fixture.Cluster.Members.Single(m => holder.StartsWith(m.Name + "_", StringComparison.Ordinal));
        ProcessMember survivor = fixture.Cluster.Members.First(m => m != leading);
        var kubectl = new Kubectl(survivor.Kubeconfig, Directory.CreateDirectory(Path.Combine(fixture.Cluster.Root, "kubectl-survivor")).FullName);

        await kubectl.OkAsync("set", "image", "deployment/web", "-n", Ns, "main=nginx:1.28");
        await leading.KillAsync();
        string status = await kubectl.OkAsync("rollout", "status", "deployment/web", "-n", Ns, "--timeout=90s");
        string after = await kubectl.OkAsync("get", "lease", "kube-controller-manager", "-n", "kube-system", "-o", "jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}");
        string pods = await kubectl.OkAsync("get", "pods", "-n", Ns, "-o", "jsonpath={range .items[*]}{.spec.containers[0].image}{\"\\n\"}{end}");
        string rs = await kubectl.OkAsync("get", "rs", "-n", Ns, "-o", "name");

        Assert.Contains("successfully rolled out", status, StringComparison.Ordinal);
        Assert.False(after.StartsWith(leading.Name + "_", StringComparison.Ordinal), $"the lease is still held by the killed replica: {after}");
        Assert.True(int.Parse(after.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(holder.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), $"{holder} -> {after}");
        Assert.Equal(2, rs.Trim().Split('\n').Length);   // one per template: the new manager reused what the old one made
        Assert.All(pods.Trim().Split('\n').Where(l => l.Length > 0), image => Assert.Equal("nginx:1.28", image));
    }
}

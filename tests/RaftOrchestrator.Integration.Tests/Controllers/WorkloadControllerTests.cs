using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Controllers;

/// <summary>
/// The controller manager embedded in real `rorch server` processes (three replicas, kubectl at a follower),
/// driven by the real kubectl: Deployments make ReplicaSets make pods; scale, set image, rollout status/undo,
/// cascading deletion, namespace deletion, default service accounts and endpoints. No agents exist yet, so a
/// <see cref="PodReadier"/> marks pods Ready where a rollout has to wait for them.
/// </summary>
public sealed class WorkloadControllerTests(ThreeReplicaKubeFixture fixture) : IClassFixture<ThreeReplicaKubeFixture>
{
    private Kubectl K => fixture.Kubectl;

    private async Task<string> NamespaceAsync(string name)
    {
        await K.OkWithInputAsync(Manifests.Namespace(name), "apply", "-f", "-");
        return name;
    }

    /// <summary>Polls a kubectl query until <paramref name="accept"/> holds; fails with the last output after <paramref name="seconds"/>.</summary>
    private async Task<string> EventuallyAsync(string[] args, Func<string, bool> accept, string what, int seconds = 45)
    {
        DateTime deadline = ProcessCluster.Deadline(TimeSpan.FromSeconds(seconds));
        string last = "";
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
        {
            KubectlResult result = await K.RunAsync(args);
            last = result.ExitCode == 0 ? result.Output : result.Output + result.Error;
            if (result.ExitCode == 0 && accept(result.Output))
            {
                return result.Output;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{what}: not within {seconds} s; last output of kubectl {string.Join(' ', args)}:\n{last}\n{fixture.Cluster.Logs()}");
        return last;
    }

    [Fact]
    public async Task ApplyDeployment_MakesOneReplicaSet_AndPodsOwnedByIt()
    {
        string ns = await NamespaceAsync("ctl-owners");
        await K.OkWithInputAsync(Manifests.Deployment(ns, "web", "nginx:1.27", 3), "apply", "-f", "-");

        string rs = await EventuallyAsync(["get", "rs", "-n", ns, "-o", "jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.spec.replicas}{\"\\n\"}{end}"],
            o => o.Trim().Split('\n').Length == 1 && o.Contains("Deployment/web 3", StringComparison.Ordinal), "one ReplicaSet owned by the Deployment");
        string rsName = rs.Trim().Split(' ')[0];
        string pods = await EventuallyAsync(["get", "pods", "-n", ns, "-o", "jsonpath={range .items[*]}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.labels.pod-template-hash}{\"\\n\"}{end}"],
            o => o.Trim().Split('\n').Count(l => l.StartsWith($"ReplicaSet/{rsName} ", StringComparison.Ordinal)) == 3, "three pods owned by the ReplicaSet");

        Assert.Matches(@"^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$", rsName);
        Assert.All(pods.Trim().Split('\n'), line => Assert.EndsWith(rsName["web-".Length..], line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScaleSetImageRolloutStatusAndUndo_WorkLikeKubernetes()
    {
        string ns = await NamespaceAsync("ctl-rollout");
        await using var readier = new PodReadier(fixture.Cluster.Members, ns);
        await K.OkWithInputAsync(Manifests.Deployment(ns, "web", "nginx:1.27", 2), "apply", "-f", "-");
        string first = await K.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");

        await K.OkAsync("scale", "deployment/web", "-n", ns, "--replicas=4");
        await EventuallyAsync(["get", "deployment", "web", "-n", ns, "-o", "jsonpath={.status.availableReplicas}"], o => o == "4", "four available replicas");
        await K.OkAsync("set", "image", "deployment/web", "-n", ns, "main=nginx:1.28");
        string second = await K.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        string images = await K.OkAsync("get", "rs", "-n", ns, "-o", "jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}={.spec.replicas}{\" \"}{end}");
        string history = await K.OkAsync("rollout", "history", "deployment/web", "-n", ns);

        await K.OkAsync("rollout", "undo", "deployment/web", "-n", ns);
        string third = await K.OkAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        string image = await K.OkAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}");
        string podImages = await EventuallyAsync(["get", "pods", "-n", ns, "-o", "jsonpath={range .items[*]}{.spec.containers[0].image}{\"\\n\"}{end}"],
            o => o.Trim().Split('\n') is { Length: 4 } lines && lines.All(l => l == "nginx:1.27"), "four pods of the rolled-back template");

        Assert.Contains("successfully rolled out", first, StringComparison.Ordinal);
        Assert.Contains("successfully rolled out", second, StringComparison.Ordinal);
        Assert.Contains("successfully rolled out", third, StringComparison.Ordinal);
        Assert.Contains("nginx:1.28=4", images, StringComparison.Ordinal);
        Assert.Contains("nginx:1.27=0", images, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^1\s", history);
        Assert.Matches(@"(?m)^2\s", history);
        Assert.Equal("nginx:1.27 3", image);
        Assert.NotEmpty(podImages);
    }

    [Fact]
    public async Task DeleteDeployment_CascadesInTheBackground_AndOrphanKeepsTheReplicaSet()
    {
        string ns = await NamespaceAsync("ctl-cascade");
        await K.OkWithInputAsync(Manifests.Deployment(ns, "gone", "nginx:1.27", 2), "apply", "-f", "-");
        await K.OkWithInputAsync(Manifests.Deployment(ns, "kept", "nginx:1.27", 1), "apply", "-f", "-");
        await EventuallyAsync(["get", "pods", "-n", ns, "-o", "name"], o => o.Trim().Split('\n').Length == 3, "three pods");

        await K.OkAsync("delete", "deployment", "gone", "-n", ns);
        await K.OkAsync("delete", "deployment", "kept", "-n", ns, "--cascade=orphan");
        string left = await EventuallyAsync(["get", "rs,pods", "-n", ns, "-o", "jsonpath={range .items[*]}{.kind}:{.metadata.name}:{.metadata.ownerReferences[0].kind}{\"\\n\"}{end}"],
            o => o.Trim().Split('\n').Length == 2 && !o.Contains(":gone-", StringComparison.Ordinal), "only the orphaned ReplicaSet and its pod");

        Assert.Contains("ReplicaSet:kept-", left, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ReplicaSet:kept-\w+:$", left.Trim());   // released: no owner reference any more
        Assert.Matches(@"(?m)^Pod:kept-\w+-\w+:ReplicaSet$", left.Trim());
    }

    [Fact]
    public async Task DeleteNamespace_RemovesEverythingInIt_ThenTheNamespace()
    {
        string ns = await NamespaceAsync("ctl-nsdel");
        await K.OkWithInputAsync(Manifests.Deployment(ns, "web", "nginx:1.27", 2), "apply", "-f", "-");
        await K.OkAsync("create", "configmap", "settings", "-n", ns, "--from-literal=a=b");
        await EventuallyAsync(["get", "pods", "-n", ns, "-o", "name"], o => o.Trim().Split('\n').Length == 2, "two pods");

        string deleted = await K.OkAsync("delete", "namespace", ns, "--timeout=60s");
        string after = await K.FailsAsync("get", "namespace", ns);

        Assert.Contains($"namespace \"{ns}\" deleted", deleted, StringComparison.Ordinal);
        Assert.Contains("NotFound", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewNamespace_GetsADefaultServiceAccount_RecreatedWhenDeleted()
    {
        string ns = await NamespaceAsync("ctl-sa");
        await EventuallyAsync(["get", "serviceaccount", "default", "-n", ns, "-o", "name"], o => o.Trim() == "serviceaccount/default", "the default service account");
        string uid = await K.OkAsync("get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}");

        await K.OkAsync("delete", "serviceaccount", "default", "-n", ns);
        string again = await EventuallyAsync(["get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}"], o => o.Length > 0 && o != uid, "a new default service account");

        Assert.NotEqual(uid, again);
    }

    [Fact]
    public async Task Service_GetsEndpointsOfItsReadyPods()
    {
        string ns = await NamespaceAsync("ctl-endpoints");
        await using var readier = new PodReadier(fixture.Cluster.Members, ns);
        await K.OkWithInputAsync(Manifests.Deployment(ns, "web", "nginx:1.27", 2) + "\n---\n" + Manifests.Service(ns, "web"), "apply", "-f", "-");

        string endpoints = await EventuallyAsync(["get", "endpoints", "web", "-n", ns, "-o", "jsonpath={range .subsets[*].addresses[*]}{.ip}{\" \"}{end}|{.subsets[0].ports[0].port}"],
            o => o.Split('|') is [var ips, "8080"] && ips.Trim().Split(' ').Length == 2, "two ready addresses on the resolved target port");
        string slices = await EventuallyAsync(["get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=web", "-o", "jsonpath={range .items[*].endpoints[*]}{.conditions.ready}{\" \"}{end}"],
            o => o.Trim() == "true true", "an EndpointSlice with two ready endpoints");

        Assert.StartsWith("10.244.0.", endpoints, StringComparison.Ordinal);
        Assert.Equal("true true", slices.Trim());
    }
}

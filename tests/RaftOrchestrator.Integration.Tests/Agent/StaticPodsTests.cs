using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Agent;

/// <summary>
/// `rorch agent --runtime process --pod-manifest-path DIR` as its own process against a real `rorch server`: a
/// manifest put in the directory runs as a real process and its mirror pod shows in the API Running and Ready
/// (as `kubectl get pods` prints it); the file removed, the pod is stopped and its mirror deleted.
/// </summary>
public sealed class StaticPodsTests(SingleReplicaKubeFixture fixture) : IClassFixture<SingleReplicaKubeFixture>
{
    private const string NodeName = "it-static-1";
    private const string Mirror = "web-" + NodeName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManifestInDirectory_MirrorRunningInTheApi_FileRemoved_MirrorDeleted()
    {
        Kubectl k = fixture.Kubectl;
        string manifests = Directory.CreateDirectory(Path.Combine(fixture.Cluster.Root, "static-manifests")).FullName;
        string manifest = Path.Combine(manifests, "web.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: static-web}
            spec:
              terminationGracePeriodSeconds: 2
              containers:
              - name: main
                image: busybox
                command: ["sh", "-c", "echo started; exec sleep 3600"]
            """, Ct);
        using RorchProcess agent = AgentProcesses.Start(fixture.Cluster, fixture.Target.ApiUrl, NodeName, "--pod-manifest-path", manifests);
        try
        {
            await ProcessCluster.WaitUntilAsync(async () =>
            {
                KubectlResult pod = await k.RunAsync(["get", "pod", Mirror, "-n", "default", "-o",
                    "jsonpath={.status.phase} {.status.conditions[?(@.type==\"Ready\")].status} {.spec.nodeName} {.metadata.ownerReferences[0].kind}"]);
                return pod.ExitCode == 0 && pod.Output.Trim() == $"Running True {NodeName} Node";
            }, "the mirror pod Running and Ready on the agent's node", 60, Ct);
            string table = await k.OkAsync("get", "pods", "-n", "default");
            Assert.Matches($@"(?m)^{Mirror}\s+1/1\s+Running\s+0\s", table);
            string hash = await k.OkAsync("get", "pod", Mirror, "-n", "default", "-o", "jsonpath={.metadata.annotations.kubernetes\\.io/config\\.mirror}");
            Assert.Equal(hash, await k.OkAsync("get", "pod", Mirror, "-n", "default", "-o", "jsonpath={.metadata.annotations.kubernetes\\.io/config\\.hash}"));
            Assert.Matches("^[0-9a-f]{32}$", hash);

            File.Delete(manifest);

            await ProcessCluster.WaitUntilAsync(async () =>
                !(await k.OkAsync("get", "pods", "-n", "default", "-o", "name")).Contains($"pod/{Mirror}", StringComparison.Ordinal),
                "the mirror pod deleted once the static pod stopped", 60, Ct);
        }
        catch
        {
            fixture.Cluster.KeepFiles = true;
            throw;
        }
        Assert.False(agent.HasExited, $"the agent exited:\n{agent.Log()}");
        Assert.Contains("static pods: starting default/" + Mirror, agent.Log(), StringComparison.Ordinal);
    }
}

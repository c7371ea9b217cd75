using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerRecreateTests
{
    [Fact]
    public async Task SetImage_ScalesOldToZero_WaitsForTheirPods_ThenCreatesTheNewAtFullSize()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 3, strategy: "Recreate"));
        await h.RollOutAsync("web");
        ReplicaSet old = h.ReplicaSets("web").Single();
        Pod lingering = Testing.TestObjects.Pod(DeploymentHarness.Ns, "web-old-pod", new Dictionary<string, string> { ["app"] = "web" });
        lingering.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = old.Metadata.Name!, Uid = old.Metadata.Uid!, Controller = true }];
        lingering.Status = new PodStatus { Phase = "Running" };
        h.Client.Seed(lingering);
        await h.SetImageAsync("web", "app:2");

        await h.SettleAsync("web");
        Assert.Equal(0, h.ReplicaSets("web").Single().Spec.Replicas);

        await h.SimulateReplicaSetsAsync();
        await h.SettleAsync("web");
        Assert.Single(h.ReplicaSets("web"));

        (await h.Client.Resource<Pod>().DeleteAsync(DeploymentHarness.Ns, "web-old-pod", cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        await h.ReconcileAsync("web");

        ReplicaSet created = h.ReplicaSetOfImage("web", "app:2");
        Assert.Equal(3, created.Spec.Replicas);
        Assert.Equal("2", created.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Deployment done = await h.RollOutAsync("web");
        Assert.Equal((3, 3), (done.Status.UpdatedReplicas, done.Status.AvailableReplicas));
        Assert.Equal(
            [
                $"Scaled up replica set {old.Metadata.Name} from 0 to 3",
                $"Scaled down replica set {old.Metadata.Name} from 3 to 0",
                $"Scaled up replica set {created.Metadata.Name} from 0 to 3",
            ],
            h.EventMessages("ScalingReplicaSet"));
    }

    [Fact]
    public async Task SetImage_FinishedPodsOfTheOldReplicaSet_DoNotHoldTheRollout()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 1, strategy: "Recreate"));
        await h.RollOutAsync("web");
        ReplicaSet old = h.ReplicaSets("web").Single();
        Pod finished = Testing.TestObjects.Pod(DeploymentHarness.Ns, "web-done", new Dictionary<string, string> { ["app"] = "web" });
        finished.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = old.Metadata.Name!, Uid = old.Metadata.Uid!, Controller = true }];
        finished.Status = new PodStatus { Phase = "Succeeded" };
        h.Client.Seed(finished);
        await h.SetImageAsync("web", "app:2");

        await h.ReconcileAsync("web");
        await h.SimulateReplicaSetsAsync();
        await h.ReconcileAsync("web");

        Assert.Equal(1, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
    }
}

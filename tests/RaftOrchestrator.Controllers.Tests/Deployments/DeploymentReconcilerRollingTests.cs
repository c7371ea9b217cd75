using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerRollingTests
{
    [Fact]
    public async Task SetImage_RollsOutInStepsWithinSurgeAndUnavailability_ToRevisionTwo()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 4, maxSurge: 1, maxUnavailable: 1));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        h.Events.Clear();

        for (int step = 0; !RolloutStatus.IsDone(h.Get("web")); step++)
        {
            Assert.True(step < 50, RolloutStatus.Message(h.Get("web")));
            ReconcileResult result = await h.ReconcileAsync("web");
            Assert.False(result.Failed, result.Failure);
            List<ReplicaSet> all = h.ReplicaSets("web");
            Assert.InRange(all.Sum(rs => rs.Spec.Replicas ?? 0), 0, 5);
            Assert.InRange(all.Sum(rs => Math.Min(rs.Spec.Replicas ?? 0, rs.Status.AvailableReplicas ?? 0)), 3, 5);
            await h.SimulateReplicaSetsAsync();
        }

        ReplicaSet old = h.ReplicaSetOfImage("web", "app:1");
        ReplicaSet current = h.ReplicaSetOfImage("web", "app:2");
        Assert.Equal((0, "1"), (old.Spec.Replicas, old.Metadata.Annotations!["deployment.kubernetes.io/revision"]));
        Assert.Equal((4, "2"), (current.Spec.Replicas, current.Metadata.Annotations!["deployment.kubernetes.io/revision"]));
        Assert.Equal("2", h.Get("web").Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal(
            [
                $"Scaled up replica set {current.Metadata.Name} from 0 to 1",
                $"Scaled down replica set {old.Metadata.Name} from 4 to 3",
                $"Scaled up replica set {current.Metadata.Name} from 1 to 2",
                // 5 pods, all available: 2 may go at once and keep 3 available.
                $"Scaled down replica set {old.Metadata.Name} from 3 to 1",
                $"Scaled up replica set {current.Metadata.Name} from 2 to 4",
                $"Scaled down replica set {old.Metadata.Name} from 1 to 0",
            ],
            h.EventMessages("ScalingReplicaSet"));
    }

    [Fact]
    public async Task SetImage_PercentBounds_SurgeRoundsUp_UnavailabilityRoundsDown()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 10));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");

        await h.ReconcileAsync("web");

        // 25% of 10: a surge of 3 (2.5 up), at most 2 unavailable (2.5 down).
        Assert.Equal(3, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
        Assert.Equal(8, h.ReplicaSetOfImage("web", "app:1").Spec.Replicas);
        Assert.Equal("13", h.ReplicaSetOfImage("web", "app:2").Metadata.Annotations!["deployment.kubernetes.io/max-replicas"]);
    }

    [Fact]
    public async Task SetImage_CopiesChangeCauseToTheNewReplicaSet_AndNotTheControllersAnnotations()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 2));
        await h.RollOutAsync("web");
        await h.EditAsync("web", d =>
        {
            d.Spec.Template.Spec.Containers[0].Image = "app:2";
            d.Metadata.Annotations!["kubernetes.io/change-cause"] = "kubectl set image deployment/web main=app:2";
            d.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"] = "{}";
        });

        await h.RollOutAsync("web");

        ReplicaSet current = h.ReplicaSetOfImage("web", "app:2");
        Assert.Equal("kubectl set image deployment/web main=app:2", current.Metadata.Annotations!["kubernetes.io/change-cause"]);
        Assert.False(current.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
        Assert.False(h.ReplicaSetOfImage("web", "app:1").Metadata.Annotations!.ContainsKey("kubernetes.io/change-cause"));
    }

    [Fact]
    public async Task ScaleMidRollout_SpreadsTheChangeInProportion_ToTheActiveReplicaSets()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 10, maxSurge: 3, maxUnavailable: 2));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        // The new pods never become available: the rollout stops at old 8 + new 5 = 10 + surge.
        for (int i = 0; i < 4; i++)
        {
            await h.ReconcileAsync("web");
            await h.SimulateReplicaSetsAsync(rs => rs.Spec.Template.Spec.Containers[0].Image == "app:2" ? 0 : rs.Spec.Replicas ?? 0);
        }
        Assert.Equal((8, 5), (h.ReplicaSetOfImage("web", "app:1").Spec.Replicas, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas));
        h.Events.Clear();

        await h.EditAsync("web", d => d.Spec.Replicas = 20);
        await h.ReconcileAsync("web");

        // 23 = 20 + surge 3 over 13: old 8 → round(8·23/13) = 14, new 5 → 9.
        ReplicaSet old = h.ReplicaSetOfImage("web", "app:1");
        ReplicaSet current = h.ReplicaSetOfImage("web", "app:2");
        Assert.Equal((14, 9), (old.Spec.Replicas, current.Spec.Replicas));
        Assert.All([old, current], rs => Assert.Equal(("20", "23"),
            (rs.Metadata.Annotations!["deployment.kubernetes.io/desired-replicas"], rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"])));
        Assert.Equal(
            [$"Scaled up replica set {old.Metadata.Name} from 8 to 14", $"Scaled up replica set {current.Metadata.Name} from 5 to 9"],
            h.EventMessages("ScalingReplicaSet"));
    }

    [Fact]
    public async Task ScaleDownMidRollout_TakesFromTheLargestFirst_AndNeverBelowZero()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 10, maxSurge: 3, maxUnavailable: 2));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        for (int i = 0; i < 4; i++)
        {
            await h.ReconcileAsync("web");
            await h.SimulateReplicaSetsAsync(rs => rs.Spec.Template.Spec.Containers[0].Image == "app:2" ? 0 : rs.Spec.Replicas ?? 0);
        }

        await h.EditAsync("web", d => d.Spec.Replicas = 2);
        await h.ReconcileAsync("web");

        // 5 = 2 + surge 3 over 13: old 8 → round(8·5/13) = 3, new 5 → 2.
        Assert.Equal((3, 2), (h.ReplicaSetOfImage("web", "app:1").Spec.Replicas, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas));
    }

    [Fact]
    public async Task Scale_WithOneActiveReplicaSet_ResizesIt()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 2));
        await h.RollOutAsync("web");
        h.Events.Clear();

        await h.EditAsync("web", d => d.Spec.Replicas = 5);
        Deployment d = await h.RollOutAsync("web");

        ReplicaSet rs = Assert.Single(h.ReplicaSets("web"));
        Assert.Equal(5, rs.Spec.Replicas);
        Assert.Equal("5", rs.Metadata.Annotations!["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal(5, d.Status.AvailableReplicas);
        Assert.Equal([$"Scaled up replica set {rs.Metadata.Name} from 2 to 5"], h.EventMessages("ScalingReplicaSet"));
    }

    [Fact]
    public async Task Reconcile_NameTakenByAnotherObject_RaisesCollisionCount_ThenUsesANewName()
    {
        await using var h = new DeploymentHarness();
        await using var probe = new DeploymentHarness();
        probe.Create(DeploymentHarness.NewDeployment("web", 1));
        await probe.ReconcileAsync("web");
        string taken = probe.ReplicaSets("web").Single().Metadata.Name!;
        h.Client.Seed(Testing.TestObjects.ReplicaSet(DeploymentHarness.Ns, taken, 0, new Dictionary<string, string> { ["app"] = "other" }));
        h.Create(DeploymentHarness.NewDeployment("web", 1));

        ReconcileResult first = await h.ReconcileAsync("web");
        ReconcileResult second = await h.ReconcileAsync("web");

        Assert.True(first.Failed);
        Assert.False(second.Failed, second.Failure);
        Assert.Equal(1, h.Get("web").Status.CollisionCount);
        ReplicaSet created = h.Client.Objects<ReplicaSet>(DeploymentHarness.Ns).Single(rs => rs.Metadata.OwnerReferences is not null);
        Assert.NotEqual(taken, created.Metadata.Name);
        Assert.StartsWith("web-", created.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_MatchingOrphan_IsAdopted_AndAReplicaSetThatNoLongerMatches_IsReleased()
    {
        await using var h = new DeploymentHarness();
        Deployment d = h.Create(DeploymentHarness.NewDeployment("web", 1));
        await h.ReconcileAsync("web");
        ReplicaSet ours = h.ReplicaSets("web").Single();
        (await h.Client.Resource<ReplicaSet>().PatchAsync(DeploymentHarness.Ns, ours.Metadata.Name!,
            Client.Patch.MergeJson("""{"metadata":{"ownerReferences":null}}"""), cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        ReplicaSet stray = Testing.TestObjects.ReplicaSet(DeploymentHarness.Ns, "stray", 0, new Dictionary<string, string> { ["app"] = "other" });
        stray.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Uid = d.Metadata.Uid!, Controller = true }];
        h.Client.Seed(stray);

        await h.ReconcileAsync("web");

        OwnerReferenceAssert.ControlledBy(h.ReplicaSets("web").Single(), d);
        Assert.Empty(h.Client.Objects<ReplicaSet>(DeploymentHarness.Ns).Single(rs => rs.Metadata.Name == "stray").Metadata.OwnerReferences ?? []);
        Assert.Single(h.ReplicaSets("web"));
    }
}

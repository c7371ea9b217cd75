using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerHistoryTests
{
    [Fact]
    public async Task CompleteRollout_DeletesTheOldestScaledDownReplicaSets_BeyondRevisionHistoryLimit()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 2);
        seeded.Spec.RevisionHistoryLimit = 2;
        h.Create(seeded);
        await h.RollOutAsync("web");
        for (int image = 2; image <= 5; image++)
        {
            await h.SetImageAsync("web", $"app:{image}");
            await h.RollOutAsync("web");
        }

        await h.SettleAsync("web");

        List<string> kept = [.. h.ReplicaSets("web").Select(rs => rs.Spec.Template.Spec.Containers[0].Image!).Order(StringComparer.Ordinal)];
        Assert.Equal(["app:3", "app:4", "app:5"], kept);
    }

    [Fact]
    public async Task Cleanup_KeepsAnOldReplicaSetThatStillHasPods()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 1);
        seeded.Spec.RevisionHistoryLimit = 0;
        h.Create(seeded);
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        // The new pod is available at once; the old ReplicaSet's controller has not yet reported its pod gone.
        for (int i = 0; i < 6; i++)
        {
            await h.ReconcileAsync("web");
            await h.SimulateReplicaSetsAsync(rs => rs.Spec.Replicas ?? 0);
        }
        ReplicaSet old = h.ReplicaSetOfImage("web", "app:1");
        old.Status.Replicas = 1;
        (await h.Client.Resource<ReplicaSet>().UpdateStatusAsync(old, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();

        await h.ReconcileAsync("web");

        Assert.Equal(2, h.ReplicaSets("web").Count);
    }
}

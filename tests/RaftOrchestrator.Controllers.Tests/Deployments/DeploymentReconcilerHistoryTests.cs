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
    public async Task CleanupWhilePaused_KeepsOldReplicaSetsThatStillHaveReplicas()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 4, maxSurge: 1, maxUnavailable: 0);
        seeded.Spec.RevisionHistoryLimit = 0;
        h.Create(seeded);
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        await h.RollOutAsync("web");
        await h.SettleAsync("web");
        Assert.Single(h.ReplicaSets("web"));
        await h.SetImageAsync("web", "app:3");
        await h.ReconcileAsync("web");
        await h.SimulateReplicaSetsAsync();
        await h.EditAsync("web", d => d.Spec.Paused = true);

        await h.SettleAsync("web");

        Assert.Equal(["app:2", "app:3"], h.ReplicaSets("web").Select(rs => rs.Spec.Template.Spec.Containers[0].Image!));
        Assert.Equal(4, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
    }
}

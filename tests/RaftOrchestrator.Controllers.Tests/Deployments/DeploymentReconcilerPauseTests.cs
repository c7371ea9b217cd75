using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerPauseTests
{
    [Fact]
    public async Task Paused_RollsNothingOut_ButScales_ThenResumeRollsOut()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 2));
        await h.RollOutAsync("web");
        await h.EditAsync("web", d => d.Spec.Paused = true);
        await h.SetImageAsync("web", "app:2");
        await h.EditAsync("web", d => d.Spec.Replicas = 4);

        await h.SettleAsync("web");
        await h.SimulateReplicaSetsAsync();
        await h.SettleAsync("web");

        ReplicaSet only = Assert.Single(h.ReplicaSets("web"));
        Assert.Equal(("app:1", 4), (only.Spec.Template.Spec.Containers[0].Image, only.Spec.Replicas));
        Deployment paused = h.Get("web");
        DeploymentCondition progressing = paused.Status.Conditions!.Single(c => c.Type == "Progressing");
        Assert.Equal(("Unknown", "DeploymentPaused", "Deployment is paused"), (progressing.Status, progressing.Reason, progressing.Message));
        Assert.Equal((4, 0), (paused.Status.AvailableReplicas, paused.Status.UpdatedReplicas));
        Assert.Equal(paused.Metadata.Generation, paused.Status.ObservedGeneration);

        await h.EditAsync("web", d => d.Spec.Paused = false);
        await h.ReconcileAsync("web");
        Assert.Equal("NewReplicaSetCreated", h.Get("web").Status.Conditions!.Single(c => c.Type == "Progressing").Reason);
        Deployment done = await h.RollOutAsync("web");

        Assert.Equal(4, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
        Assert.Equal(0, h.ReplicaSetOfImage("web", "app:1").Spec.Replicas);
        Assert.Equal("NewReplicaSetAvailable", done.Status.Conditions!.Single(c => c.Type == "Progressing").Reason);
    }

    [Fact]
    public async Task Resume_WritesDeploymentResumed_BeforeAnyRolloutStep()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 1);
        seeded.Spec.Paused = true;
        h.Create(seeded);
        await h.SettleAsync("web");
        Assert.Empty(h.ReplicaSets("web"));
        await h.EditAsync("web", d => d.Spec.Paused = false);
        h.Client.ClearActions();

        await h.ReconcileAsync("web");

        Assert.Equal((InMemoryVerb.UpdateStatus, "deployments"), (h.Client.Actions[0].Verb, h.Client.Actions[0].Resource));
        Assert.Single(h.ReplicaSets("web"));
    }
}

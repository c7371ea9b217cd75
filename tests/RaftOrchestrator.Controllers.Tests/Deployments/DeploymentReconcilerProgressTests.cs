using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerProgressTests
{
    [Fact]
    public async Task StuckRollout_AfterProgressDeadline_ReportsProgressDeadlineExceeded()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 2);
        seeded.Spec.ProgressDeadlineSeconds = 60;
        h.Create(seeded);
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        Func<ReplicaSet, int> newPodsNeverReady = rs => rs.Spec.Template.Spec.Containers[0].Image == "app:2" ? 0 : rs.Spec.Replicas ?? 0;
        ReconcileResult result = default;
        for (int i = 0; i < 5; i++)
        {
            result = await h.ReconcileAsync("web");
            await h.SimulateReplicaSetsAsync(newPodsNeverReady);
        }
        Deployment stuck = h.Get("web");
        Assert.Equal("ReplicaSetUpdated", stuck.Status.Conditions!.Single(c => c.Type == "Progressing").Reason);
        Assert.NotNull(result.RequeueAfter);
        Assert.InRange(result.RequeueAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61));

        h.Time.Advance(result.RequeueAfter.Value);
        ReconcileResult late = await h.ReconcileAsync("web");

        Deployment timedOut = h.Get("web");
        DeploymentCondition progressing = timedOut.Status.Conditions!.Single(c => c.Type == "Progressing");
        string newRs = h.ReplicaSetOfImage("web", "app:2").Metadata.Name!;
        Assert.Equal(("False", "ProgressDeadlineExceeded", $"ReplicaSet \"{newRs}\" has timed out progressing."),
            (progressing.Status, progressing.Reason, progressing.Message));
        Assert.Null(late.RequeueAfter);
        Assert.Equal("error: deployment \"web\" exceeded its progress deadline", RolloutStatus.Message(timedOut));
    }

    [Fact]
    public async Task Progress_BeforeTheDeadline_MovesTheDeadline()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 4, maxSurge: 1, maxUnavailable: 0);
        seeded.Spec.ProgressDeadlineSeconds = 60;
        h.Create(seeded);
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");

        // Each new pod takes 50 s to become available: no single wait reaches the deadline, the whole rollout does.
        for (int step = 0; !RolloutStatus.IsDone(h.Get("web")); step++)
        {
            Assert.True(step < 40, RolloutStatus.Message(h.Get("web")));
            await h.ReconcileAsync("web");
            await h.SimulateReplicaSetsAsync(rs => Math.Min(rs.Spec.Replicas ?? 0, rs.Status.Replicas));
            await h.ReconcileAsync("web");
            h.Time.Advance(TimeSpan.FromSeconds(50));
            await h.SimulateReplicaSetsAsync();
        }

        Assert.Equal("NewReplicaSetAvailable", h.Get("web").Status.Conditions!.Single(c => c.Type == "Progressing").Reason);
    }

    [Fact]
    public async Task CompleteRollout_NeedsNoRecheck()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 1));
        await h.RollOutAsync("web");

        ReconcileResult result = await h.ReconcileAsync("web");

        Assert.Equal(ReconcileResult.Done, result);
    }
}

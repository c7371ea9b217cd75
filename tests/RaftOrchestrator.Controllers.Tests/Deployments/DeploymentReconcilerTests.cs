using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerTests
{
    private const string HashAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    [Fact]
    public async Task Reconcile_NewDeployment_CreatesReplicaSetNamedByTemplateHash_AtRevisionOne()
    {
        await using var h = new DeploymentHarness();
        Deployment d = h.Create(DeploymentHarness.NewDeployment("web", 3));

        ReconcileResult result = await h.ReconcileAsync("web");

        Assert.False(result.Failed, result.Failure);
        ReplicaSet rs = Assert.Single(h.ReplicaSets("web"));
        string hash = rs.Metadata.Name!["web-".Length..];
        Assert.All(hash, c => Assert.Contains(c, HashAlphabet));
        Assert.Equal(hash, rs.Metadata.Labels!["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Selector!.MatchLabels!["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Template.Metadata.Labels!["pod-template-hash"]);
        Assert.Equal("web", rs.Spec.Selector.MatchLabels["app"]);
        Assert.Equal(3, rs.Spec.Replicas);
        Assert.Equal("1", rs.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]);
        OwnerReferenceAssert.ControlledBy(rs, d);
        Deployment after = h.Get("web");
        Assert.Equal("1", after.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("NewReplicaSetCreated", after.Status.Conditions!.Single(c => c.Type == "Progressing").Reason);
        Assert.Equal([$"Scaled up replica set {rs.Metadata.Name} from 0 to 3"], h.EventMessages("ScalingReplicaSet"));
    }

    [Fact]
    public async Task Reconcile_SameTemplateWithLabelsInAnotherOrder_HashesToTheSameName()
    {
        await using var one = new DeploymentHarness();
        await using var two = new DeploymentHarness();
        Deployment first = DeploymentHarness.NewDeployment("web", 1);
        first.Spec.Template.Metadata.Labels = new() { ["app"] = "web", ["tier"] = "front" };
        Deployment second = DeploymentHarness.NewDeployment("web", 1);
        second.Spec.Template.Metadata.Labels = new() { ["tier"] = "front", ["app"] = "web" };
        one.Create(first);
        two.Create(second);

        await one.ReconcileAsync("web");
        await two.ReconcileAsync("web");

        Assert.Equal(one.ReplicaSets("web").Single().Metadata.Name, two.ReplicaSets("web").Single().Metadata.Name);
    }

    [Fact]
    public async Task RollOut_ReportsTheStatusFieldsKubectlRolloutStatusReads()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 3));

        Deployment d = await h.RollOutAsync("web");

        Assert.Equal(d.Metadata.Generation, d.Status.ObservedGeneration);
        Assert.Equal(3, d.Status.Replicas);
        Assert.Equal(3, d.Status.UpdatedReplicas);
        Assert.Equal(3, d.Status.ReadyReplicas);
        Assert.Equal(3, d.Status.AvailableReplicas);
        Assert.Equal(0, d.Status.UnavailableReplicas);
        DeploymentCondition available = d.Status.Conditions!.Single(c => c.Type == "Available");
        DeploymentCondition progressing = d.Status.Conditions!.Single(c => c.Type == "Progressing");
        Assert.Equal(("True", "MinimumReplicasAvailable"), (available.Status, available.Reason));
        Assert.Equal(("True", "NewReplicaSetAvailable"), (progressing.Status, progressing.Reason));
        Assert.Equal($"ReplicaSet \"{h.ReplicaSets("web").Single().Metadata.Name}\" has successfully progressed.", progressing.Message);
        Assert.Equal("deployment \"web\" successfully rolled out", RolloutStatus.Message(d));
    }

    [Fact]
    public async Task Reconcile_BeforeReplicaSetsReport_StatusSaysWaiting_AndAvailableIsFalse()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 2));

        await h.SettleAsync("web");

        Deployment d = h.Get("web");
        Assert.Equal(0, d.Status.UpdatedReplicas);
        Assert.Equal(2, d.Status.UnavailableReplicas);
        Assert.Equal("MinimumReplicasUnavailable", d.Status.Conditions!.Single(c => c.Type == "Available").Reason);
        Assert.StartsWith("Waiting for deployment \"web\" rollout to finish: 0 out of 2", RolloutStatus.Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_SteadyState_WritesNothing()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 2));
        await h.RollOutAsync("web");
        await h.SettleAsync("web");
        h.Client.ClearActions();

        ReconcileResult result = await h.ReconcileAsync("web");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Empty(h.Client.Actions);
    }

    [Fact]
    public async Task Reconcile_MissingDeployment_IsDone()
    {
        await using var h = new DeploymentHarness();

        ReconcileResult result = await h.ReconcileAsync("nothing");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Empty(h.Client.Actions);
    }

    [Fact]
    public async Task Reconcile_DeletingDeployment_ChangesNoReplicaSet()
    {
        await using var h = new DeploymentHarness();
        Deployment seeded = DeploymentHarness.NewDeployment("web", 2);
        seeded.Metadata.Finalizers = ["test/hold"];
        h.Create(seeded);
        await h.RollOutAsync("web");
        (await h.Client.Resource<Deployment>().DeleteAsync(DeploymentHarness.Ns, "web", cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        await h.EditAsync("web", d => d.Spec.Replicas = 5);
        h.Client.ClearActions();

        await h.ReconcileAsync("web");

        Assert.Empty(h.Client.Writes(InMemoryVerb.Update, "replicasets"));
        Assert.Empty(h.Client.Writes(InMemoryVerb.Create, "replicasets"));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentReconcilerRollbackTests
{
    /// <summary>The annotations `kubectl rollout undo` keeps from the Deployment instead of taking the ReplicaSet's.</summary>
    private static readonly string[] s_kept =
    [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ];

    [Fact]
    public async Task RolloutUndo_ReusesTheOldReplicaSet_AtTheNextRevision_WithItsOldOneInHistory()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 3));
        await h.RollOutAsync("web");
        ReplicaSet first = h.ReplicaSets("web").Single();
        await h.EditAsync("web", d =>
        {
            d.Spec.Template.Spec.Containers[0].Image = "app:2";
            d.Metadata.Annotations!["kubernetes.io/change-cause"] = "to app:2";
        });
        await h.RollOutAsync("web");

        await UndoAsync(h, "web", toRevision: 0);
        Deployment done = await h.RollOutAsync("web");

        List<ReplicaSet> all = h.ReplicaSets("web");
        Assert.Equal(2, all.Count);
        ReplicaSet reused = h.ReplicaSetOfImage("web", "app:1");
        Assert.Equal((first.Metadata.Name, first.Metadata.Uid), (reused.Metadata.Name, reused.Metadata.Uid));
        Assert.Equal(3, reused.Spec.Replicas);
        Assert.Equal("3", reused.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", reused.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Assert.Equal(0, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
        Assert.Equal("3", done.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("app:1", done.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task RolloutUndo_Twice_AppendsToRevisionHistory()
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", 1));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        await h.RollOutAsync("web");

        await UndoAsync(h, "web", toRevision: 0);
        await h.RollOutAsync("web");
        await UndoAsync(h, "web", toRevision: 0);
        await h.RollOutAsync("web");
        await UndoAsync(h, "web", toRevision: 0);
        Deployment done = await h.RollOutAsync("web");

        ReplicaSet one = h.ReplicaSetOfImage("web", "app:1");
        ReplicaSet two = h.ReplicaSetOfImage("web", "app:2");
        Assert.Equal(("5", "1,3"), (one.Metadata.Annotations!["deployment.kubernetes.io/revision"], one.Metadata.Annotations["deployment.kubernetes.io/revision-history"]));
        Assert.Equal(("4", "2"), (two.Metadata.Annotations!["deployment.kubernetes.io/revision"], two.Metadata.Annotations["deployment.kubernetes.io/revision-history"]));
        Assert.Equal("5", done.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
    }

    /// <summary>
    /// What kubectl 1.32's DeploymentRollbacker does: pick the ReplicaSet of the revision (0: the one before the
    /// latest), and JSON-patch the Deployment's template to its template without the hash label and its annotations
    /// to the ReplicaSet's (but the Deployment's own for the controller's keys).
    /// </summary>
    private static async Task UndoAsync(DeploymentHarness h, string name, long toRevision)
    {
        Deployment d = h.Get(name);
        List<ReplicaSet> owned = [.. h.ReplicaSets(name).Where(rs => rs.Metadata.OwnerReferences?.Exists(o => o.Uid == d.Metadata.Uid) == true)];
        owned.Sort((a, b) => Revision(a).CompareTo(Revision(b)));
        ReplicaSet target = toRevision == 0 ? owned[^2] : owned.Single(rs => Revision(rs) == toRevision);
        PodTemplateSpec template = target.Spec.Template;
        template.Metadata.Labels!.Remove("pod-template-hash");
        var annotations = new JsonObject();
        foreach (string key in s_kept)
        {
            if (d.Metadata.Annotations?.TryGetValue(key, out string? value) == true)
            {
                annotations[key] = value;
            }
        }
        foreach ((string key, string value) in target.Metadata.Annotations ?? [])
        {
            if (!s_kept.Contains(key))
            {
                annotations[key] = value;
            }
        }
        var patch = new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = JsonSerializer.SerializeToNode(template, ApiJson.TypeInfo<PodTemplateSpec>()) },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotations });
        h.Time.Advance(TimeSpan.FromMinutes(1));
        (await h.Client.Resource<Deployment>().PatchAsync(DeploymentHarness.Ns, name,
            new Patch(PatchType.Json, System.Text.Encoding.UTF8.GetBytes(patch.ToJsonString())), cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
    }

    private static long Revision(ReplicaSet rs) => long.Parse(rs.Metadata.Annotations!["deployment.kubernetes.io/revision"], System.Globalization.CultureInfo.InvariantCulture);
}

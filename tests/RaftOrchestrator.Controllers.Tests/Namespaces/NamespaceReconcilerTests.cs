using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.Namespaces;
using RaftOrchestrator.Controllers.Tests.ClusterTesting;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Namespaces;

public sealed class NamespaceReconcilerTests
{
    private readonly ClusterHarness _h = new();
    private readonly NamespaceReconciler _reconciler;

    public NamespaceReconcilerTests() =>
        _reconciler = new NamespaceReconciler(_h.Client, ApiCatalog.Default, _h.Time, NullLogger.Instance);

    private static CancellationToken Token => ClusterHarness.Token;

    private Namespace SeedNamespace(string name, params string[] extraFinalizers)
    {
        var ns = new Namespace { Metadata = { Name = name } };
        if (extraFinalizers.Length > 0)
        {
            ns.Spec = new NamespaceSpec { Finalizers = [.. extraFinalizers] };
        }
        return _h.Client.Seed(ns);
    }

    private async Task DeleteNamespaceAsync(string name) =>
        (await _h.Client.Resource<Namespace>().DeleteAsync(null, name, cancellationToken: Token)).Unwrap();

    private Namespace? Find(string name) => _h.Client.Objects<Namespace>().SingleOrDefault(n => n.Metadata.Name == name);

    private ValueTask<ReconcileResult> ReconcileAsync(string name) => _reconciler.ReconcileAsync(new ObjectKey(null, name), Token);

    private NamespaceCondition Condition(string ns, string type) => Find(ns)!.Status!.Conditions!.Single(c => c.Type == type);

    [Fact]
    public async Task Terminating_ContentOfEveryKind_DeletedThenNamespaceFinalizedAndGone()
    {
        SeedNamespace("doomed");
        SeedNamespace("kept");
        _h.Client.Seed(TestObjects.ConfigMap("doomed", "settings"));
        _h.Client.Seed(TestObjects.ReplicaSet("doomed", "web", 2, new Dictionary<string, string> { ["app"] = "web" }));
        _h.Client.Seed(TestObjects.Pod("doomed", "unbound"));
        _h.Client.Seed(new ServiceAccount { Metadata = { Namespace = "doomed", Name = "default" } });
        _h.Client.Seed(TestObjects.ConfigMap("kept", "settings"));
        await DeleteNamespaceAsync("doomed");

        ReconcileResult result = await ReconcileAsync("doomed");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Null(Find("doomed"));
        Assert.Empty(_h.Client.Objects<ConfigMap>("doomed"));
        Assert.Empty(_h.Client.Objects<ReplicaSet>("doomed"));
        Assert.Empty(_h.Client.Objects<Pod>("doomed"));
        Assert.Empty(_h.Client.Objects<ServiceAccount>("doomed"));
        Assert.Single(_h.Client.Objects<ConfigMap>("kept"));
        Assert.Single(_h.Client.Writes(InMemoryVerb.Patch, "namespaces"), a => a.Subresource == "finalize" && a.Succeeded);
    }

    [Fact]
    public async Task Terminating_PodStillTerminating_FinalizerKeptUntilThePodIsGone()
    {
        SeedNamespace("draining");
        _h.Client.Seed(TestObjects.Pod("draining", "bound", nodeName: "worker-1"));
        _h.Client.Seed(TestObjects.ConfigMap("draining", "settings"));
        await DeleteNamespaceAsync("draining");

        ReconcileResult first = await ReconcileAsync("draining");
        Namespace waiting = Find("draining")!;
        Pod terminating = _h.Client.Objects<Pod>("draining").Single();
        (await _h.Client.Resource<Pod>().DeleteAsync("draining", "bound", new DeleteOptions { GracePeriodSeconds = 0 }, Token)).Unwrap();
        ReconcileResult second = await ReconcileAsync("draining");

        Assert.Equal(TimeSpan.FromSeconds(16), first.RequeueAfter);
        Assert.Equal(["kubernetes"], waiting.Spec!.Finalizers);
        Assert.Equal("Terminating", waiting.Status!.Phase);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Empty(_h.Client.Objects<ConfigMap>("draining"));
        Assert.Equal(ReconcileResult.Done, second);
        Assert.Null(Find("draining"));
    }

    [Fact]
    public async Task Terminating_ContentRemains_ConditionsAsKubernetesWritesThem()
    {
        SeedNamespace("held");
        _h.Client.Seed(TestObjects.Pod("held", "bound", nodeName: "worker-1"));
        ConfigMap held = TestObjects.ConfigMap("held", "held");
        held.Metadata.Finalizers = ["example.com/hold"];
        _h.Client.Seed(held);
        await DeleteNamespaceAsync("held");

        await ReconcileAsync("held");

        Namespace ns = Find("held")!;
        Assert.Equal(
            [NamespaceConditions.DiscoveryFailure, NamespaceConditions.GroupVersionParsingFailure, NamespaceConditions.ContentFailure,
             NamespaceConditions.ContentRemaining, NamespaceConditions.FinalizersRemaining],
            ns.Status!.Conditions!.Select(c => c.Type));
        NamespaceCondition remaining = Condition("held", NamespaceConditions.ContentRemaining);
        NamespaceCondition finalizers = Condition("held", NamespaceConditions.FinalizersRemaining);
        Assert.Equal(("True", "SomeResourcesRemain", "Some resources are remaining: configmaps. has 1 resource instances, pods. has 1 resource instances"),
            (remaining.Status, remaining.Reason, remaining.Message));
        Assert.Equal(("True", "SomeFinalizersRemain", "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances"),
            (finalizers.Status, finalizers.Reason, finalizers.Message));
        Assert.Equal(("False", "ContentDeleted"), (Condition("held", NamespaceConditions.ContentFailure).Status, Condition("held", NamespaceConditions.ContentFailure).Reason));
        Assert.Equal(_h.Now, remaining.LastTransitionTime);
    }

    [Fact]
    public async Task Terminating_OnlyFinalizerHeldContent_RequeuedAfterHalfTheFinalizerEstimate()
    {
        SeedNamespace("finalizing");
        ConfigMap held = TestObjects.ConfigMap("finalizing", "held");
        held.Metadata.Finalizers = ["example.com/hold"];
        _h.Client.Seed(held);
        await DeleteNamespaceAsync("finalizing");

        ReconcileResult first = await ReconcileAsync("finalizing");
        ConfigMap marked = _h.Client.Objects<ConfigMap>("finalizing").Single();
        marked.Metadata.Finalizers = null;
        (await _h.Client.Resource<ConfigMap>().UpdateAsync(marked, cancellationToken: Token)).Unwrap();
        _h.Time.Advance(TimeSpan.FromSeconds(8));
        ReconcileResult second = await ReconcileAsync("finalizing");

        Assert.Equal(TimeSpan.FromSeconds(8), first.RequeueAfter);
        Assert.Equal(ReconcileResult.Done, second);
        Assert.Null(Find("finalizing"));
    }

    [Fact]
    public async Task Terminating_SameStateTwice_ConditionsNotRewrittenAndTransitionTimeKept()
    {
        SeedNamespace("steady");
        _h.Client.Seed(TestObjects.Pod("steady", "bound", nodeName: "worker-1"));
        await DeleteNamespaceAsync("steady");
        await ReconcileAsync("steady");
        DateTime firstSeen = Condition("steady", NamespaceConditions.ContentRemaining).LastTransitionTime!.Value;
        _h.Client.ClearActions();
        _h.Time.Advance(TimeSpan.FromSeconds(16));

        await ReconcileAsync("steady");

        Assert.Empty(_h.Client.Writes(InMemoryVerb.UpdateStatus, "namespaces"));
        Assert.Equal(firstSeen, Condition("steady", NamespaceConditions.ContentRemaining).LastTransitionTime);
    }

    [Fact]
    public async Task Terminating_DeleteFails_ContentFailureConditionAndRetryThenFinalizedLater()
    {
        SeedNamespace("flaky");
        _h.Client.Seed(TestObjects.ConfigMap("flaky", "settings"));
        await DeleteNamespaceAsync("flaky");
        _h.Client.FailNext(InMemoryVerb.Delete, new Status { Code = 500, Reason = "InternalError", Message = "etcd is sad" }, resource: "configmaps");

        ReconcileResult failed = await ReconcileAsync("flaky");
        NamespaceCondition failure = Condition("flaky", NamespaceConditions.ContentFailure);
        ReconcileResult retried = await ReconcileAsync("flaky");

        Assert.True(failed.Failed);
        Assert.Equal(("True", "ContentDeletionFailed"), (failure.Status, failure.Reason));
        Assert.Equal("Failed to delete all resource types, 1 remaining: failed to delete configmaps. settings: etcd is sad", failure.Message);
        Assert.Equal(ReconcileResult.Done, retried);
        Assert.Null(Find("flaky"));
    }

    [Fact]
    public async Task Terminating_AnotherSpecFinalizer_OnlyKubernetesRemovedAndNamespaceStays()
    {
        SeedNamespace("shared", "example.com/cleanup");
        await DeleteNamespaceAsync("shared");

        ReconcileResult result = await ReconcileAsync("shared");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal(["example.com/cleanup"], Find("shared")!.Spec!.Finalizers);
    }

    [Fact]
    public async Task ActiveNamespace_NothingDeleted()
    {
        SeedNamespace("alive");
        _h.Client.Seed(TestObjects.ConfigMap("alive", "settings"));

        ReconcileResult result = await ReconcileAsync("alive");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Single(_h.Client.Objects<ConfigMap>("alive"));
        Assert.Empty(_h.Client.Actions);
    }

    [Fact]
    public async Task MissingNamespace_Done()
    {
        Assert.Equal(ReconcileResult.Done, await ReconcileAsync("never-existed"));
    }
}

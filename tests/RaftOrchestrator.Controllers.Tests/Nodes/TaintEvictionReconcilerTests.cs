using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

public sealed class TaintEvictionReconcilerTests
{
    private static readonly ObjectKey s_web = new("default", "web");

    private readonly NodeLifecycleHarness _n = new();

    private TaintEvictionReconciler Reconciler => _n.Eviction.Reconciler!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Pod? Web => _n.Client.Objects<Pod>("default").SingleOrDefault(p => p.Metadata.Name == "web");

    private void SeedTaintedNode(string key = NodeTaints.Unreachable, DateTime? timeAdded = null)
    {
        Node node = TestObjects.Node("worker");
        node.Spec = new NodeSpec { Taints = [new Taint { Key = key, Effect = "NoExecute", TimeAdded = timeAdded ?? ApiTime.Now(_n.H.Time) }] };
        _n.Client.Seed(node);
    }

    private void SeedPod(params Toleration[] tolerations)
    {
        Pod pod = TestObjects.Pod("default", "web", nodeName: "worker");
        pod.Spec.Tolerations = [.. tolerations];
        _n.Client.Seed(pod);
    }

    private static Toleration Unreachable(long? seconds) =>
        new() { Key = NodeTaints.Unreachable, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = seconds };

    private ValueTask<ReconcileResult> ReconcileAsync() => Reconciler.ReconcileAsync(s_web, Token);

    [Fact]
    public async Task Reconcile_NoTolerationForTheTaint_DeletedAtOnceWithDisruptionTarget()
    {
        SeedTaintedNode();
        SeedPod(new Toleration { Key = "other", Operator = "Exists" });

        ReconcileResult result = await ReconcileAsync();

        Assert.Equal(ReconcileResult.Done, result);
        Pod terminating = Web!;
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        PodCondition target = terminating.Status.Conditions!.Single(c => c.Type == "DisruptionTarget");
        Assert.Equal(("True", "DeletionByTaintManager"), (target.Status, target.Reason));
        Assert.Equal("Normal TaintManagerEviction Marking for deletion Pod default/web", Assert.Single(_n.H.Events.Events).ToString());
    }

    [Fact]
    public async Task Reconcile_TolerationSeconds300_DeletedAt300SecondsNotBefore()
    {
        SeedTaintedNode();
        SeedPod(Unreachable(300));

        ReconcileResult first = await ReconcileAsync();
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(300)), first);
        Assert.Equal(1, Reconciler.Scheduled);

        _n.H.Time.Advance(TimeSpan.FromSeconds(299));
        ReconcileResult early = await ReconcileAsync();
        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(1)), early);
        Assert.Null(Web!.Metadata.DeletionTimestamp);

        _n.H.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());
        Assert.NotNull(Web!.Metadata.DeletionTimestamp);
        Assert.Equal(0, Reconciler.Scheduled);
    }

    [Fact]
    public async Task Reconcile_TaintAddedEarlier_CountdownRunsFromTimeAdded()
    {
        SeedTaintedNode(timeAdded: ApiTime.Now(_n.H.Time).AddSeconds(-290));
        SeedPod(Unreachable(300));

        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(10)), await ReconcileAsync());
    }

    [Fact]
    public async Task Reconcile_TolerationWithoutSeconds_NeverDeleted()
    {
        SeedTaintedNode();
        SeedPod(Unreachable(null));

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());
        _n.H.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Null(Web!.Metadata.DeletionTimestamp);
        Assert.Empty(_n.H.Events.Events);
    }

    [Fact]
    public async Task Reconcile_SeveralTaints_EarliestDeadlineWins()
    {
        Node node = TestObjects.Node("worker");
        DateTime now = ApiTime.Now(_n.H.Time);
        node.Spec = new NodeSpec
        {
            Taints =
            [
                new Taint { Key = NodeTaints.Unreachable, Effect = "NoExecute", TimeAdded = now },
                new Taint { Key = "dedicated", Value = "db", Effect = "NoExecute", TimeAdded = now },
            ],
        };
        _n.Client.Seed(node);
        SeedPod(Unreachable(300), new Toleration { Key = "dedicated", Operator = "Equal", Value = "db", Effect = "NoExecute", TolerationSeconds = 60 });

        Assert.Equal(ReconcileResult.After(TimeSpan.FromSeconds(60)), await ReconcileAsync());
    }

    [Fact]
    public async Task Reconcile_TaintsRemovedBeforeDeadline_DeletionCancelled()
    {
        SeedTaintedNode();
        SeedPod(Unreachable(300));
        await ReconcileAsync();
        Node node = _n.Node("worker");
        node.Spec!.Taints = [];
        (await _n.Client.Resource<Node>().UpdateAsync(node, cancellationToken: Token)).Unwrap();

        _n.H.Time.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Null(Web!.Metadata.DeletionTimestamp);
        Assert.Equal(0, Reconciler.Scheduled);
        Assert.Equal("Normal TaintManagerEviction Cancelling deletion of Pod default/web", Assert.Single(_n.H.Events.Events).ToString());
    }

    [Fact]
    public async Task Reconcile_PodAlreadyTerminating_LeftAlone()
    {
        SeedTaintedNode();
        SeedPod();
        (await _n.Client.Resource<Pod>().DeleteAsync("default", "web", cancellationToken: Token)).Unwrap();
        Pod terminating = Web!;
        _n.Client.ClearActions();

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Empty(_n.Client.Actions);
        Assert.Equal(terminating.Metadata.ResourceVersion, Web!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Reconcile_PodGone_NothingToDo()
    {
        SeedTaintedNode();

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());
        Assert.Empty(_n.Client.Actions);
    }
}

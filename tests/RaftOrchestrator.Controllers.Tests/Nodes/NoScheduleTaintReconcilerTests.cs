using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

public sealed class NoScheduleTaintReconcilerTests
{
    private readonly NodeLifecycleHarness _n = new();

    private ValueTask<ReconcileResult> ReconcileAsync() =>
        _n.Lifecycle.NoScheduleTaints!.ReconcileAsync(new ObjectKey(null, "worker"), TestContext.Current.CancellationToken);

    private List<string> NoScheduleKeys() => [.. (_n.Node("worker").Spec?.Taints ?? []).Where(t => t.Effect == "NoSchedule").Select(t => t.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Reconcile_ConditionsAndCordon_MatchingTaintsOthersKept()
    {
        Node node = TestObjects.Node("worker");
        node.Spec = new NodeSpec { Unschedulable = true, Taints = [new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }] };
        node.Status = new NodeStatus
        {
            Conditions =
            [
                new NodeCondition { Type = "Ready", Status = "False" },
                new NodeCondition { Type = "MemoryPressure", Status = "True" },
                new NodeCondition { Type = "DiskPressure", Status = "False" },
            ],
        };
        _n.Client.Seed(node);

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Equal(["dedicated", NodeTaints.MemoryPressure, NodeTaints.NotReady, NodeTaints.Unschedulable], NoScheduleKeys());
        Assert.All(_n.Node("worker").Spec!.Taints!, t => Assert.Null(t.TimeAdded));
    }

    [Fact]
    public async Task Reconcile_ConditionsClear_OwnTaintsRemoved()
    {
        Node node = TestObjects.Node("worker");
        node.Spec = new NodeSpec
        {
            Taints =
            [
                new Taint { Key = NodeTaints.NotReady, Effect = "NoSchedule" },
                new Taint { Key = NodeTaints.DiskPressure, Effect = "NoSchedule" },
                new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" },
            ],
        };
        node.Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] };
        _n.Client.Seed(node);

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Equal(["dedicated"], NoScheduleKeys());
    }

    [Fact]
    public async Task Reconcile_NothingToChange_NoWrite()
    {
        Node node = TestObjects.Node("worker");
        node.Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] };
        _n.Client.Seed(node);

        Assert.Equal(ReconcileResult.Done, await ReconcileAsync());

        Assert.Empty(_n.Client.Actions);
    }
}

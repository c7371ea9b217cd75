using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.TaintToleration;
using TaintPlugin = RaftOrchestrator.Scheduling.Plugins.TaintToleration.TaintToleration;

namespace RaftOrchestrator.Scheduling.Tests.Plugins;

public sealed class TaintTolerationTests
{
    private readonly TaintPlugin _plugin = new();

    public static TheoryData<string?, string?, string?, string?, bool> TolerationCases => new()
    {
        // key, operator, value, effect of the toleration against taint dedicated=gpu:NoSchedule
        { "dedicated", "Equal", "gpu", "NoSchedule", true },
        { "dedicated", null, "gpu", null, true },
        { "dedicated", "Equal", "cpu", "NoSchedule", false },
        { "dedicated", "Exists", null, null, true },
        { "dedicated", "Exists", null, "NoExecute", false },
        { null, "Exists", null, null, true },
        { "other", "Exists", null, null, false },
    };

    [Theory]
    [MemberData(nameof(TolerationCases))]
    public void Tolerates(string? key, string? op, string? value, string? effect, bool expected)
    {
        var t = new Toleration { Key = key, Operator = op, Value = value, Effect = effect };
        Assert.Equal(expected, Tolerations.Tolerates(t, Make.Taint("dedicated", "gpu", "NoSchedule")));
    }

    [Fact]
    public void Filter_RejectsTheFirstUntoleratedHardTaint_IgnoresPreferNoSchedule()
    {
        NodeInfo node = Make.NodeInfo(Make.Node("n", taints:
        [
            Make.Taint("soft", "x", "PreferNoSchedule"),
            Make.Taint("dedicated", "gpu", "NoSchedule"),
            Make.Taint("evict", "y", "NoExecute"),
        ]));
        Status s = _plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p")), node);
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s.Code);
        Assert.Equal(["node(s) had untolerated taint {dedicated: gpu}"], s.Reasons);

        Pod tolerant = Make.Pod("p").WithTolerations(new Toleration { Key = "dedicated", Operator = "Exists" });
        Assert.Equal(["node(s) had untolerated taint {evict: y}"], _plugin.Filter(new CycleState(), PodInfo.Create(tolerant), node).Reasons);
        tolerant.Spec.Tolerations!.Add(new Toleration { Key = "evict", Value = "y", Effect = "NoExecute" });
        Assert.True(_plugin.Filter(new CycleState(), PodInfo.Create(tolerant), node).IsSuccess);
    }

    [Fact]
    public void Score_CountsIntolerablePreferNoSchedule_NormalisedInReverse()
    {
        NodeInfo[] nodes =
        [
            Make.NodeInfo(Make.Node("clean")),
            Make.NodeInfo(Make.Node("one", taints: [Make.Taint("a", "1", "PreferNoSchedule")])),
            Make.NodeInfo(Make.Node("two", taints: [Make.Taint("a", "1", "PreferNoSchedule"), Make.Taint("b", "2", "PreferNoSchedule")])),
            Make.NodeInfo(Make.Node("tolerated", taints: [Make.Taint("c", "3", "PreferNoSchedule"), Make.Taint("d", "4", "NoSchedule")])),
        ];
        PodInfo pod = PodInfo.Create(Make.Pod("p").WithTolerations(new Toleration { Key = "c", Operator = "Exists", Effect = "PreferNoSchedule" }));
        var state = new CycleState();
        _plugin.PreScore(state, pod, new Snapshot(), nodes);
        long[] scores = [.. nodes.Select(n => { _plugin.Score(state, pod, n, out long s); return s; })];
        Assert.Equal([0, 1, 2, 0], scores);
        _plugin.NormalizeScore(state, pod, nodes, scores);
        Assert.Equal([100, 50, 0, 100], scores);

        long[] none = [0, 0];
        _plugin.NormalizeScore(state, pod, nodes.AsSpan(0, 2), none);
        Assert.Equal([100, 100], none);
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using AffinityPlugin = RaftOrchestrator.Scheduling.Plugins.NodeAffinity.NodeAffinity;

namespace RaftOrchestrator.Scheduling.Tests.Plugins;

public sealed class NodeAffinityTests
{
    private readonly AffinityPlugin _plugin = new();

    private static readonly Node s_node = Make.Node("node-1", labels: new() { ["zone"] = "a", ["gpu"] = "true", ["cores"] = "16" });

    private Status Run(Pod pod, Node node, out CycleState state)
    {
        state = new CycleState();
        PodInfo info = PodInfo.Create(pod);
        NodeInfo nodeInfo = Make.NodeInfo(node);
        Status pre = _plugin.PreFilter(state, info, new Snapshot(), out _);
        return pre.IsSkip ? Status.Success : !pre.IsSuccess ? pre : _plugin.Filter(state, info, nodeInfo);
    }

    public static TheoryData<string, string, string[], bool> Expressions => new()
    {
        { "zone", "In", ["a", "b"], true },
        { "zone", "In", ["b"], false },
        { "zone", "NotIn", ["b"], true },
        { "zone", "NotIn", ["a"], false },
        { "missing", "NotIn", ["a"], true },
        { "gpu", "Exists", [], true },
        { "missing", "Exists", [], false },
        { "missing", "DoesNotExist", [], true },
        { "gpu", "DoesNotExist", [], false },
        { "cores", "Gt", ["8"], true },
        { "cores", "Gt", ["16"], false },
        { "cores", "Lt", ["32"], true },
        { "zone", "Gt", ["1"], false },
        { "cores", "Gt", ["x"], false },
        { "zone", "Bogus", ["a"], false },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void RequiredExpression(string key, string op, string[] values, bool fits)
    {
        Pod pod = Make.Pod("p").WithRequiredAffinity(new NodeSelectorTerm { MatchExpressions = [Make.Req(key, op, values)] });
        Status s = Run(pod, s_node, out _);
        Assert.Equal(fits, s.IsSuccess);
        if (!fits)
        {
            Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s.Code);
            Assert.Equal(["node(s) didn't match Pod's node affinity/selector"], s.Reasons);
        }
    }

    [Fact]
    public void Terms_AreOred_RequirementsAnded_EmptyTermMatchesNothing()
    {
        var wrongZone = new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "b")] };
        var both = new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "a"), Make.Req("gpu", "Exists")] };
        var bothOneWrong = new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "a"), Make.Req("gpu", "DoesNotExist")] };
        Assert.True(Run(Make.Pod("p").WithRequiredAffinity(wrongZone, both), s_node, out _).IsSuccess);
        Assert.False(Run(Make.Pod("p").WithRequiredAffinity(wrongZone, bothOneWrong), s_node, out _).IsSuccess);
        Assert.False(Run(Make.Pod("p").WithRequiredAffinity(new NodeSelectorTerm()), s_node, out _).IsSuccess);
    }

    [Fact]
    public void NodeSelector_AllPairsMustMatch()
    {
        Pod pod = Make.Pod("p");
        pod.Spec.NodeSelector = new() { ["zone"] = "a", ["gpu"] = "true" };
        Assert.True(Run(pod, s_node, out _).IsSuccess);
        pod.Spec.NodeSelector["gpu"] = "false";
        Assert.False(Run(pod, s_node, out _).IsSuccess);
    }

    [Fact]
    public void NoSelector_SkipsTheFilter()
    {
        var state = new CycleState();
        Assert.True(_plugin.PreFilter(state, PodInfo.Create(Make.Pod("p")), new Snapshot(), out PreFilterResult? r).IsSkip);
        Assert.Null(r);
    }

    [Fact]
    public void MatchFields_MetadataName_NarrowsThePreFilter_AndIsNotClassInvariant()
    {
        Pod pod = Make.Pod("ds").WithRequiredAffinity(new NodeSelectorTerm { MatchFields = [Make.Req("metadata.name", "In", "node-1")] });
        var state = new CycleState();
        PodInfo info = PodInfo.Create(pod);
        Assert.True(_plugin.PreFilter(state, info, new Snapshot(), out PreFilterResult? result).IsSuccess);
        Assert.Equal(["node-1"], result!.NodeNames);
        Assert.False(_plugin.IsClassInvariant(state, info));
        Assert.True(_plugin.Filter(state, info, Make.NodeInfo(s_node)).IsSuccess);
        Assert.False(_plugin.Filter(state, info, Make.NodeInfo(Make.Node("node-2", labels: new() { ["zone"] = "a" }))).IsSuccess);

        Pod notIn = Make.Pod("x").WithRequiredAffinity(new NodeSelectorTerm { MatchFields = [Make.Req("metadata.name", "NotIn", "node-1")] });
        Assert.False(Run(notIn, s_node, out CycleState st).IsSuccess);
        Assert.False(_plugin.IsClassInvariant(st, PodInfo.Create(notIn)));
    }

    [Fact]
    public void LabelSelector_IsClassInvariant_UnlessItReadsTheHostname()
    {
        Pod zone = Make.Pod("p").WithRequiredAffinity(new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "a")] });
        Run(zone, s_node, out CycleState s1);
        Assert.True(_plugin.IsClassInvariant(s1, PodInfo.Create(zone)));
        Pod host = Make.Pod("p");
        host.Spec.NodeSelector = new() { ["kubernetes.io/hostname"] = "node-1" };
        Run(host, s_node, out CycleState s2);
        Assert.False(_plugin.IsClassInvariant(s2, PodInfo.Create(host)));
    }

    [Fact]
    public void Preferred_SumsMatchingWeights_NormalisedToTheBest()
    {
        Pod pod = Make.Pod("p").WithPreferredAffinity(
            new PreferredSchedulingTerm { Weight = 80, Preference = new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "a")] } },
            new PreferredSchedulingTerm { Weight = 20, Preference = new NodeSelectorTerm { MatchExpressions = [Make.Req("gpu", "Exists")] } });
        NodeInfo[] nodes =
        [
            Make.NodeInfo(s_node),
            Make.NodeInfo(Make.Node("b", labels: new() { ["zone"] = "a" })),
            Make.NodeInfo(Make.Node("c", labels: new() { ["gpu"] = "1" })),
            Make.NodeInfo(Make.Node("d")),
        ];
        var state = new CycleState();
        PodInfo info = PodInfo.Create(pod);
        Assert.True(_plugin.PreScore(state, info, new Snapshot(), nodes).IsSuccess);
        long[] scores = [.. nodes.Select(n => { _plugin.Score(state, info, n, out long s); return s; })];
        Assert.Equal([100, 80, 20, 0], scores);
        scores = [40, 20, 10, 0];
        _plugin.NormalizeScore(state, info, nodes, scores);
        Assert.Equal([100, 50, 25, 0], scores);
        Assert.True(_plugin.PreScore(new CycleState(), PodInfo.Create(Make.Pod("q")), new Snapshot(), nodes).IsSkip);
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;
using Plugin = RaftOrchestrator.Scheduling.Plugins.PodTopologySpread.PodTopologySpread;
using Status = RaftOrchestrator.Scheduling.Framework.Status;

namespace RaftOrchestrator.Scheduling.Tests.Plugins.PodTopologySpread;

public sealed class PodTopologySpreadTests
{
    private const string Skewed = "Unschedulable: node(s) didn't match pod topology spread constraints";
    private const string MissingLabel = "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)";

    private static string Verdict(Status s) => s.IsSuccess ? "ok" : $"{s.Code}: {s.Message}";

    private static Dictionary<string, string> Verdicts(Pod pod, Snapshot snapshot) =>
        FilterAll(new Plugin(), pod, snapshot).ToDictionary(p => p.Key, p => Verdict(p.Value));

    /// <summary>z1: a1, a2; z2: b1; n-none has no zone. Two web pods in z1, one in z2.</summary>
    private static Snapshot Zones(params Pod[] extra) => Snapshot.Create(
        [Node("a1", "z1"), Node("a2", "z1"), Node("b1", "z2"), Node("n-none")],
        [Pod("w1", "a1", Labels("app=web")), Pod("w2", "a2", Labels("app=web")), Pod("w3", "b1", Labels("app=web")), .. extra]);

    [Fact]
    public void Filter_MaxSkewOneByZone_OnlyTheEmptierZone()
    {
        Pod web = Pod("w4", labels: Labels("app=web")).WithSpread(Zone, 1, "web");

        Dictionary<string, string> verdicts = Verdicts(web, Zones());

        Assert.Equal(new Dictionary<string, string> { ["a1"] = Skewed, ["a2"] = Skewed, ["b1"] = "ok", ["n-none"] = MissingLabel }, verdicts);
    }

    [Fact]
    public void Filter_PodNotMatchingItsOwnSelector_CountsNoSelf()
    {
        Pod other = Pod("x", labels: Labels("app=other")).WithSpread(Zone, 1, "web");

        Dictionary<string, string> verdicts = Verdicts(other, Zones());

        Assert.Equal(["ok", "ok", "ok"], new[] { verdicts["a1"], verdicts["a2"], verdicts["b1"] });
    }

    [Fact]
    public void Filter_FewerDomainsThanMinDomains_TheMinimumIsZero()
    {
        Pod web = Pod("w4", labels: Labels("app=web")).WithSpread(Zone, 1, "web", minDomains: 3);

        Dictionary<string, string> verdicts = Verdicts(web, Zones());

        Assert.Equal(Skewed, verdicts["b1"]);
        Assert.Equal(Skewed, verdicts["a1"]);
    }

    [Fact]
    public void Filter_NodeAffinityPolicyHonor_PodsOnExcludedNodesDoNotCount()
    {
        // b1 is excluded by the pod's nodeSelector: z2 is no domain, so z1's count (2) is the minimum.
        Pod web = Pod("w4", labels: Labels("app=web")).WithSpread(Zone, 1, "web");
        web.Spec.NodeSelector = new() { [Zone] = "z1" };
        Pod ignoring = Pod("w5", labels: Labels("app=web")).WithSpread(Zone, 1, "web");
        ignoring.Spec.NodeSelector = new() { [Zone] = "z1" };
        ignoring.Spec.TopologySpreadConstraints![0].NodeAffinityPolicy = "Ignore";

        Assert.Equal("ok", Verdicts(web, Zones())["a1"]);
        Assert.Equal(Skewed, Verdicts(ignoring, Zones())["a1"]);
    }

    [Fact]
    public void Filter_NodeTaintsPolicyHonor_TaintedNodesAreNoDomain()
    {
        var taint = new Taint { Key = "dedicated", Value = "x", Effect = "NoSchedule" };
        Snapshot snapshot = Snapshot.Create(
            [Node("a1", "z1"), Node("b1", "z2"), Node("c1", "z3", taints: [taint])],
            [Pod("w1", "a1", Labels("app=web")), Pod("w2", "b1", Labels("app=web"))]);
        Pod web = Pod("w3", labels: Labels("app=web")).WithSpread(Zone, 1, "web");
        Pod honoring = Pod("w4", labels: Labels("app=web")).WithSpread(Zone, 1, "web");
        honoring.Spec.TopologySpreadConstraints![0].NodeTaintsPolicy = "Honor";

        // Ignore: z3 (empty) is a domain, so the minimum is 0 and z1 would reach skew 2.
        Assert.Equal(Skewed, Verdicts(web, snapshot)["a1"]);
        Assert.Equal("ok", Verdicts(honoring, snapshot)["a1"]);
    }

    [Fact]
    public void AddPod_RemovePod_MoveTheCounts()
    {
        Snapshot snapshot = Zones();
        var plugin = new Plugin();
        var state = new CycleState();
        PodInfo web = PodInfo.Create(Pod("w4", labels: Labels("app=web")).WithSpread(Zone, 1, "web"));
        Assert.True(plugin.PreFilter(state, web, snapshot, out _).IsSuccess);
        NodeInfo a1 = snapshot.Get("a1")!;
        NodeInfo b1 = snapshot.Get("b1")!;

        CycleState copy = state.Clone();
        Assert.True(plugin.RemovePod(copy, web, a1.Pods[0], a1).IsSuccess);
        Status afterRemove = plugin.Filter(copy, web, a1);
        Assert.True(plugin.AddPod(copy, web, PodInfo.Create(Pod("w9", "b1", Labels("app=web"))), b1).IsSuccess);
        Status afterAdd = plugin.Filter(copy, web, b1);

        Assert.True(afterRemove.IsSuccess);
        Assert.Equal(Skewed, Verdict(afterAdd));
        Assert.Equal(Skewed, Verdict(plugin.Filter(state, web, a1)));
    }

    [Fact]
    public void Score_ScheduleAnywayByHostname_FewerMatchingPodsScoreHigher()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1"), Node("n2"), Node("n3")],
            [Pod("w1", "n1", Labels("app=web")), Pod("w2", "n1", Labels("app=web")), Pod("w3", "n3", Labels("app=web"))]);
        Pod web = Pod("w4", labels: Labels("app=web")).WithSpread(Hostname, 1, "web", whenUnsatisfiable: "ScheduleAnyway");

        Dictionary<string, long> scores = ScoreAll(new Plugin(), web, snapshot);

        // raw = count x ln(3 + 2) + (maxSkew - 1): n1 round(3.22) = 3, n2 0, n3 round(1.61) = 2; then 100 x (3 + 0 - s) / 3.
        Assert.Equal(new Dictionary<string, long> { ["n1"] = 0, ["n2"] = 100, ["n3"] = 33 }, scores);
        Assert.True(FilterAll(new Plugin(), web, snapshot).Values.All(s => s.IsSuccess));
    }

    [Fact]
    public void Score_SystemDefaults_ApplyOnlyWithTheOwnersSelector()
    {
        Snapshot snapshot = Snapshot.Create([Node("a1", "z1"), Node("b1", "z2")],
            [Pod("w1", "a1", Labels("app=web")), Pod("w2", "a1", Labels("app=web"))]);
        Pod web = Pod("w3", labels: Labels("app=web"));
        LabelSelectorMatcher selector = LabelSelectorMatcher.FromSet(Labels("app=web"));

        Dictionary<string, long> defaulted = ScoreAll(new Plugin(new PodTopologySpreadArgs(DefaultSelector: _ => selector)), web, snapshot);
        Dictionary<string, long> none = ScoreAll(new Plugin(), web, snapshot);
        Dictionary<string, long> off = ScoreAll(new Plugin(new PodTopologySpreadArgs(SystemDefaulting: false, DefaultSelector: _ => selector)), web, snapshot);

        Assert.True(defaulted["b1"] > defaulted["a1"], string.Join(",", defaulted));
        Assert.Equal(100, defaulted["b1"]);
        Assert.Empty(none);
        Assert.Empty(off);
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using Status = RaftOrchestrator.Scheduling.Framework.Status;
using RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;
using RaftOrchestrator.Scheduling.Plugins.Topology;
using RaftOrchestrator.Scheduling.Tests.Topology;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;
using Plugin = RaftOrchestrator.Scheduling.Plugins.InterPodAffinity.InterPodAffinity;

namespace RaftOrchestrator.Scheduling.Tests.Plugins.InterPodAffinity;

public sealed class InterPodAffinityTests
{
    /// <summary>n1, n2 in zone z1; n3 in z2; n4 has no zone label.</summary>
    private static Snapshot Cluster(params Pod[] pods) =>
        Snapshot.Create([Node("n1", "z1"), Node("n2", "z1"), Node("n3", "z2"), Node("n4")], pods);

    private static string Verdict(Status s) => s.IsSuccess ? "ok" : $"{s.Code}: {s.Message}";

    private static Dictionary<string, string> Verdicts(Pod pod, Snapshot snapshot, InterPodAffinityArgs? args = null) =>
        FilterAll(new Plugin(args), pod, snapshot).ToDictionary(p => p.Key, p => Verdict(p.Value));

    private const string NoAffinity = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
    private const string NoAntiAffinity = "Unschedulable: node(s) didn't match pod anti-affinity rules";
    private const string ExistingAnti = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";

    [Fact]
    public void Filter_RequiredAffinityByZone_OnlyTheZoneWithAMatchingPod()
    {
        Snapshot snapshot = Cluster(Pod("db", "n1", Labels("app=db")));
        Pod web = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "db"));

        Dictionary<string, string> verdicts = Verdicts(web, snapshot);

        Assert.Equal(new Dictionary<string, string> { ["n1"] = "ok", ["n2"] = "ok", ["n3"] = NoAffinity, ["n4"] = NoAffinity }, verdicts);
    }

    [Fact]
    public void Filter_FirstPodOfAGroup_MayGoOnAnyNodeWithTheKey_OnlyWhenItMatchesItsOwnTerms()
    {
        Snapshot snapshot = Cluster(Pod("other", "n1", Labels("app=other")));
        Pod first = Pod("cache-0", labels: Labels("app=cache")).WithAffinity(affinity: Term(Zone, "cache"));
        Pod stranger = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "cache"));

        Dictionary<string, string> self = Verdicts(first, snapshot);
        Dictionary<string, string> notSelf = Verdicts(stranger, snapshot);

        Assert.Equal(["ok", "ok", "ok", NoAffinity], self.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.All(notSelf.Values, v => Assert.Equal(NoAffinity, v));
    }

    [Fact]
    public void Filter_RequiredAntiAffinityByHostname_KeepsOffTheNodeWithAMatch()
    {
        Snapshot snapshot = Cluster(Pod("web-0", "n1", Labels("app=web")));
        Pod web = Pod("web-1", labels: Labels("app=web")).WithAffinity(antiAffinity: Term(Hostname, "web"));

        Dictionary<string, string> verdicts = Verdicts(web, snapshot);

        Assert.Equal(NoAntiAffinity, verdicts["n1"]);
        Assert.Equal(["ok", "ok", "ok"], new[] { verdicts["n2"], verdicts["n3"], verdicts["n4"] });
    }

    [Fact]
    public void Filter_ExistingPodsAntiAffinity_IsSymmetric()
    {
        Pod guard = Pod("guard", "n1", Labels("app=guard")).WithAffinity(antiAffinity: Term(Zone, "web"));
        Snapshot snapshot = Cluster(guard);
        Pod web = Pod("web", labels: Labels("app=web"));
        Pod other = Pod("batch", labels: Labels("app=batch"));

        Dictionary<string, string> verdicts = Verdicts(web, snapshot);

        Assert.Equal(new Dictionary<string, string> { ["n1"] = ExistingAnti, ["n2"] = ExistingAnti, ["n3"] = "ok", ["n4"] = "ok" }, verdicts);
        Assert.All(Verdicts(other, snapshot).Values, v => Assert.Equal("ok", v));
    }

    [Fact]
    public void PreFilter_NoTermsAndNoAntiAffinityAnywhere_Skips()
    {
        Snapshot snapshot = Cluster(Pod("web-0", "n1", Labels("app=web")));

        Status s = new Plugin().PreFilter(new CycleState(), PodInfo.Create(Pod("x", labels: Labels("app=web"))), snapshot, out _);

        Assert.True(s.IsSkip);
    }

    private sealed class TeamLister : INamespaceLister
    {
        public IReadOnlyDictionary<string, string>? Labels(string @namespace) =>
            @namespace == "other" ? new Dictionary<string, string> { ["team"] = "a" } : null;
    }

    [Fact]
    public void Filter_TermNamespaces_OwnByDefault_ListedOrSelected()
    {
        Snapshot snapshot = Cluster(Pod("db", "n3", Labels("app=db"), ns: "other"));
        Pod own = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "db"));
        Pod listed = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "db", namespaces: ["other"]));
        Pod all = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "db", namespaceSelector: new LabelSelector()));
        Pod team = Pod("web", labels: Labels("app=web")).WithAffinity(affinity: Term(Zone, "db",
            namespaceSelector: new LabelSelector { MatchLabels = new() { ["team"] = "a" } }));

        Assert.Equal(NoAffinity, Verdicts(own, snapshot)["n3"]);
        Assert.Equal("ok", Verdicts(listed, snapshot)["n3"]);
        Assert.Equal("ok", Verdicts(all, snapshot)["n3"]);
        Assert.Equal(NoAffinity, Verdicts(team, snapshot)["n3"]);
        Assert.Equal("ok", Verdicts(team, snapshot, new InterPodAffinityArgs(Namespaces: new TeamLister()))["n3"]);
        Assert.Equal(NoAffinity, Verdicts(listed, snapshot)["n1"]);
    }

    [Fact]
    public void Filter_MatchLabelKeys_MergeTheOwnersValue()
    {
        Snapshot snapshot = Cluster(Pod("web-v1", "n1", Labels("app=web", "rev=1")), Pod("web-v2", "n3", Labels("app=web", "rev=2")));
        PodAffinityTerm term = Term(Hostname, "web");
        term.MatchLabelKeys = ["rev"];
        Pod next = Pod("web-v2b", labels: Labels("app=web", "rev=2")).WithAffinity(antiAffinity: term);

        Dictionary<string, string> verdicts = Verdicts(next, snapshot);

        Assert.Equal("ok", verdicts["n1"]);
        Assert.Equal(NoAntiAffinity, verdicts["n3"]);
    }

    [Fact]
    public void RemovePod_TheBlockingPodLeaves_NodeFitsOnTheClone()
    {
        Pod blocker = Pod("web-0", "n1", Labels("app=web"));
        Snapshot snapshot = Cluster(blocker);
        var plugin = new Plugin();
        var state = new CycleState();
        PodInfo web = PodInfo.Create(Pod("web-1", labels: Labels("app=web")).WithAffinity(antiAffinity: Term(Hostname, "web")));
        Assert.True(plugin.PreFilter(state, web, snapshot, out _).IsSuccess);
        NodeInfo n1 = snapshot.Get("n1")!;
        PodInfo placed = n1.Pods[0];
        CycleState copy = state.Clone();

        Assert.True(plugin.RemovePod(copy, web, placed, n1).IsSuccess);
        Status afterRemove = plugin.Filter(copy, web, n1);
        Assert.True(plugin.AddPod(copy, web, placed, n1).IsSuccess);

        Assert.True(afterRemove.IsSuccess);
        Assert.False(plugin.Filter(copy, web, n1).IsSuccess);
        Assert.False(plugin.Filter(state, web, n1).IsSuccess);
    }

    [Fact]
    public void Score_PreferredAffinity_TheZoneWithTheMatchGets100()
    {
        Snapshot snapshot = Cluster(Pod("db", "n1", Labels("app=db")));
        Pod web = Pod("web", labels: Labels("app=web")).WithAffinity(preferred: new WeightedPodAffinityTerm { Weight = 10, PodAffinityTerm = Term(Zone, "db") });

        Dictionary<string, long> scores = ScoreAll(new Plugin(), web, snapshot);

        Assert.Equal(new Dictionary<string, long> { ["n1"] = 100, ["n2"] = 100, ["n3"] = 0, ["n4"] = 0 }, scores);
    }

    [Fact]
    public void Score_PreferredAntiAffinityAndExistingTerms_AddUp()
    {
        Pod friend = Pod("friend", "n3", Labels("app=friend")).WithAffinity(
            affinity: Term(Hostname, "web"), preferred: new WeightedPodAffinityTerm { Weight = 4, PodAffinityTerm = Term(Hostname, "web") });
        Snapshot snapshot = Cluster(Pod("web-0", "n1", Labels("app=web")), friend);
        Pod web = Pod("web-1", labels: Labels("app=web"))
            .WithAffinity(preferredAnti: new WeightedPodAffinityTerm { Weight = 5, PodAffinityTerm = Term(Hostname, "web") });

        Dictionary<string, long> scores = ScoreAll(new Plugin(), web, snapshot);
        Dictionary<string, long> ignoring = ScoreAll(new Plugin(new InterPodAffinityArgs(HardPodAffinityWeight: 0, IgnorePreferredTermsOfExistingPods: true)), web, snapshot);

        // raw: n1 -5, n2 0, n3 +1 (hard) +4 (preferred) = 5, n4 0 -> (s - min) * 100 / (max - min)
        Assert.Equal(new Dictionary<string, long> { ["n1"] = 0, ["n2"] = 50, ["n3"] = 100, ["n4"] = 50 }, scores);
        Assert.Equal(new Dictionary<string, long> { ["n1"] = 0, ["n2"] = 100, ["n3"] = 100, ["n4"] = 100 }, ignoring);
    }
}

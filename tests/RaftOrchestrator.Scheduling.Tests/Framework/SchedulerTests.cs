using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Tests.Framework;

public sealed class SchedulerTests
{
    private static Snapshot Cluster(int count, Func<int, Node>? node = null) =>
        Snapshot.Create(Enumerable.Range(0, count).Select(i => node?.Invoke(i) ?? Make.Node($"node-{i:D4}")));

    [Fact]
    public void FitError_CountsReasonsPerNode_AsKubeSchedulerPrintsThem()
    {
        Snapshot snapshot = Snapshot.Create(
        [
            Make.Node("a1", cpu: "1", labels: new() { ["zone"] = "a" }),
            Make.Node("a2", cpu: "1", labels: new() { ["zone"] = "a" }),
            Make.Node("a3", cpu: "1", memory: "1Gi", labels: new() { ["zone"] = "a" }),
            Make.Node("b1", labels: new() { ["zone"] = "b" }),
            Make.Node("b2", labels: new() { ["zone"] = "b" }),
        ]);
        Pod pod = Make.Pod("web", "2", "2Gi");
        pod.Spec.NodeSelector = new() { ["zone"] = "a" };

        ScheduleResult result = Make.DefaultScheduler().Schedule(pod, snapshot);

        Assert.False(result.IsSuccess);
        Assert.Equal(
            "0/5 nodes are available: 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu. "
            + "preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling..",
            result.FitError!.Message);
        Assert.Equal(5, result.EvaluatedNodes);
        NodeToStatus statuses = result.FitError.Diagnosis.NodeToStatus;
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, statuses.Get("b1").Code);
        Assert.Equal("NodeAffinity", statuses.Get("b1").Plugin);
        Assert.Equal(["Insufficient cpu", "Insufficient memory"], statuses.Get("a3").Reasons);
        Assert.Equal(["NodeAffinity", "NodeResourcesFit"], result.FitError.Diagnosis.UnschedulablePlugins);
    }

    [Fact]
    public void PostFilter_SeesTheStatuses_AndItsMessageEndsTheFitError()
    {
        var post = new FixedPostFilter("Preempt", PostFilterResult.Unschedulable("Preempt", "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod"));
        SchedulerProfile profile = Make.DefaultScheduler().Framework.Profile.With(new PluginRef("Preempt"));
        var scheduler = new Scheduler(SchedulingFramework.Create(profile, FakeRegistry.With(post)), 1);
        ScheduleResult result = scheduler.Schedule(Make.Pod("big", "16"), Cluster(2));
        Assert.Equal(
            "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
            result.FitError!.Message);
        Assert.Equal(2, post.Seen!.Count);
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, post.Seen.Get("node-0000").Code);
    }

    [Fact]
    public void PreFilterRejection_FailsEveryNodeWithItsMessage()
    {
        var reject = new FixedPreFilter("Gate", Status.Unresolvable("Gate", "pod is gated"));
        var scheduler = new Scheduler(SchedulingFramework.Create(FakeRegistry.Profile(("Gate", 1)), FakeRegistry.With(reject)), 1);
        ScheduleResult result = scheduler.Schedule(Make.Pod("p"), Cluster(3));
        Assert.Equal("0/3 nodes are available: pod is gated.", result.FitError!.Message);
        Assert.Equal(["3 pod is gated"], result.FitError.ReasonHistogram());
        Assert.Equal(0, result.EvaluatedNodes);
    }

    [Fact]
    public void FilterError_IsAnErrorResult_NotAFitError()
    {
        var broken = new CountingFilter("Broken", _ => Status.Error("Broken", "boom"));
        var scheduler = new Scheduler(SchedulingFramework.Create(FakeRegistry.Profile(("Broken", 1)), FakeRegistry.With(broken)), 1);
        ScheduleResult result = scheduler.Schedule(Make.Pod("p"), Cluster(3));
        Assert.Null(result.FitError);
        Assert.Equal(StatusCode.Error, result.Error!.Code);
        Assert.Contains("boom", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoNodes_IsAnError()
    {
        ScheduleResult result = Make.DefaultScheduler().Schedule(Make.Pod("p"), Cluster(0));
        Assert.Equal("no nodes available to schedule pods", result.Error!.Message);
    }

    [Fact]
    public void Search_StopsAtTheAdaptiveCount_AndTheStartIndexRotates()
    {
        Snapshot snapshot = Cluster(1000);
        Scheduler scheduler = Make.DefaultScheduler();
        ScheduleResult first = scheduler.Schedule(Make.Pod("a", "100m"), snapshot);
        Assert.Equal(420, first.FeasibleNodes);
        Assert.Equal(420, first.EvaluatedNodes);
        Assert.Equal(420, scheduler.NextStartNodeIndex);
        scheduler.Schedule(Make.Pod("b", "100m"), snapshot);
        Assert.Equal(840, scheduler.NextStartNodeIndex);
        scheduler.Schedule(Make.Pod("c", "100m"), snapshot);
        Assert.Equal(260, scheduler.NextStartNodeIndex);
    }

    [Fact]
    public void Search_CountsRejectedNodesInTheRotation()
    {
        // Every other node is cordoned: finding 100 feasible nodes of 200 takes all 200.
        Snapshot snapshot = Cluster(200, i => Make.Node($"node-{i:D4}", unschedulable: i % 2 == 1));
        Scheduler scheduler = Make.DefaultScheduler();
        ScheduleResult r = scheduler.Schedule(Make.Pod("p", "100m"), snapshot);
        Assert.Equal(100, r.FeasibleNodes);
        Assert.InRange(r.EvaluatedNodes, 199, 200);
        Assert.Equal(r.EvaluatedNodes % 200, scheduler.NextStartNodeIndex);
    }

    [Fact]
    public void PercentageOfNodesToScore_FromTheProfile()
    {
        Scheduler scheduler = Make.DefaultScheduler(profile: DefaultProfile.Create() with { PercentageOfNodesToScore = 30 });
        Assert.Equal(300, scheduler.Schedule(Make.Pod("p", "100m"), Cluster(1000)).FeasibleNodes);
    }

    [Fact]
    public void Ties_AreBrokenBySeed_Deterministically()
    {
        Snapshot snapshot = Cluster(50);
        string?[] Run(int seed)
        {
            Scheduler s = Make.DefaultScheduler(seed);
            return [.. Enumerable.Range(0, 20).Select(i => s.Schedule(Make.Pod("p" + i, "100m"), snapshot).SuggestedHost)];
        }
        Assert.Equal(Run(7), Run(7));
        var firstPicks = Enumerable.Range(0, 12).Select(seed => Run(seed)[0]).ToHashSet();
        Assert.True(firstPicks.Count > 3, "equal nodes should be picked uniformly, not always the first");
    }

    [Fact]
    public void HighestTotalWins()
    {
        Snapshot snapshot = Snapshot.Create([Make.Node("small", cpu: "2"), Make.Node("large", cpu: "64", memory: "256Gi"), Make.Node("mid", cpu: "8")]);
        Assert.Equal("large", Make.DefaultScheduler().Schedule(Make.Pod("p", "1", "1Gi"), snapshot).SuggestedHost);
    }

    [Fact]
    public void PreferredNodeAffinity_ScoredPerClass_PicksAPreferredNode()
    {
        // 200 nodes, 4 classes; only the 50 "ssd"+"zone-1" nodes get both preferences.
        Snapshot snapshot = Cluster(200, i => Make.Node($"n{i:D3}", labels: new() { ["disk"] = i % 2 == 0 ? "ssd" : "hdd", ["zone"] = i % 4 < 2 ? "z1" : "z2" }));
        Pod pod = Make.Pod("p", "100m").WithPreferredAffinity(
            new PreferredSchedulingTerm { Weight = 60, Preference = new NodeSelectorTerm { MatchExpressions = [Make.Req("disk", "In", "ssd")] } },
            new PreferredSchedulingTerm { Weight = 40, Preference = new NodeSelectorTerm { MatchExpressions = [Make.Req("zone", "In", "z1")] } });
        Scheduler scheduler = Make.DefaultScheduler();
        for (int k = 0; k < 10; k++)
        {
            NodeInfo chosen = snapshot.Get(scheduler.Schedule(pod, snapshot).SuggestedHost!)!;
            Assert.Equal("ssd", chosen.Labels["disk"]);
            Assert.Equal("z1", chosen.Labels["zone"]);
        }
    }

    [Fact]
    public void SingleFeasibleNode_IsReturnedWithoutScoring()
    {
        var failingScore = new FuncScore("Broken", _ => null);
        SchedulerProfile profile = DefaultProfile.Create().With(new PluginRef("Broken"));
        var scheduler = new Scheduler(SchedulingFramework.Create(profile, FakeRegistry.With(failingScore)), 1);
        Snapshot one = Snapshot.Create([Make.Node("only"), Make.Node("full", cpu: "100m")]);
        ScheduleResult r = scheduler.Schedule(Make.Pod("p", "1"), one);
        Assert.Equal("only", r.SuggestedHost);
        ScheduleResult two = scheduler.Schedule(Make.Pod("p", "1"), Cluster(2));
        Assert.Equal(StatusCode.Error, two.Error!.Code);
    }

    [Fact]
    public void Scores_AreWeighted_AndRangeChecked()
    {
        var favoursA = new FuncScore("A", n => n.Name == "a" ? 10 : 0);
        var favoursB = new FuncScore("B", n => n.Name == "b" ? 40 : 0);
        Snapshot snapshot = Snapshot.Create([Make.Node("a"), Make.Node("b")]);
        Scheduler Build(int wa, int wb) =>
            new(SchedulingFramework.Create(FakeRegistry.Profile(("A", wa), ("B", wb)), FakeRegistry.With(favoursA, favoursB)), 1);
        Assert.Equal("b", Build(1, 1).Schedule(Make.Pod("p"), snapshot).SuggestedHost);
        Assert.Equal("a", Build(5, 1).Schedule(Make.Pod("p"), snapshot).SuggestedHost);

        var outOfRange = new FuncScore("Wild", _ => 101);
        var wild = new Scheduler(SchedulingFramework.Create(FakeRegistry.Profile(("Wild", 1)), FakeRegistry.With(outOfRange)), 1);
        Assert.Contains("invalid score 101", wild.Schedule(Make.Pod("p"), snapshot).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassInvariantFilter_RunsOncePerClass()
    {
        var perClass = new CountingFilter("PerClass", _ => Status.Success, classInvariant: true);
        var perNode = new CountingFilter("PerNode", _ => Status.Success);
        SchedulerProfile profile = FakeRegistry.Profile(("PerClass", 1), ("PerNode", 1)) with { PercentageOfNodesToScore = 100 };
        var scheduler = new Scheduler(SchedulingFramework.Create(profile, FakeRegistry.With(perClass, perNode)), 1);
        Snapshot snapshot = Cluster(300, i => Make.Node($"n{i}", labels: new() { ["pool"] = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(300, scheduler.Schedule(Make.Pod("p"), snapshot).FeasibleNodes);
        Assert.Equal(3, perClass.Calls);
        Assert.Equal(300, perNode.Calls);
        scheduler.Schedule(Make.Pod("q"), snapshot);
        Assert.Equal(6, perClass.Calls);
    }

    [Fact]
    public void ClassVerdicts_KeepTheRejectionPerNode()
    {
        Snapshot snapshot = Cluster(10, i => Make.Node($"n{i}", taints: i < 7 ? [Make.Taint("dedicated", "db", "NoSchedule")] : null));
        Pod pod = Make.Pod("p", "8");
        ScheduleResult r = Make.DefaultScheduler().Schedule(pod, snapshot);
        Assert.Equal("0/10 nodes are available: 3 Insufficient cpu, 7 node(s) had untolerated taint {dedicated: db}. preemption: 0/10 nodes are available: 10 Preemption is not helpful for scheduling..", r.FitError!.Message);
        Assert.Equal("TaintToleration", r.FitError.Diagnosis.NodeToStatus.Get("n3").Plugin);
    }

    [Fact]
    public void DaemonSetStyleAffinity_NarrowsTheSearchToTheNamedNode()
    {
        Snapshot snapshot = Cluster(300);
        Pod pod = Make.Pod("ds").WithRequiredAffinity(new NodeSelectorTerm { MatchFields = [Make.Req("metadata.name", "In", "node-0123")] });
        ScheduleResult r = Make.DefaultScheduler().Schedule(pod, snapshot);
        Assert.Equal("node-0123", r.SuggestedHost);
        Assert.Equal(1, r.EvaluatedNodes);

        Pod lost = Make.Pod("ds2").WithRequiredAffinity(new NodeSelectorTerm { MatchFields = [Make.Req("metadata.name", "In", "gone")] });
        Assert.Equal("0/300 nodes are available: 300 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/300 nodes are available: 300 Preemption is not helpful for scheduling..", Make.DefaultScheduler().Schedule(lost, snapshot).FitError!.Message);
    }

    [Fact]
    public void Profiles_AreChosenBySchedulerName()
    {
        SchedulerProfile binPack = DefaultProfile.Create() with { SchedulerName = "bin-packer" };
        binPack = binPack.With(new PluginRef("NodeResourcesFit", 1, new Scheduling.Plugins.NodeResources.NodeResourcesFitArgs(
            new Scheduling.Plugins.NodeResources.ScoringStrategy(Scheduling.Plugins.NodeResources.ScoringStrategyType.MostAllocated, Scheduling.Plugins.NodeResources.ScoringStrategy.DefaultResources))))
            .Without("NodeResourcesBalancedAllocation");
        var profiles = new Profiles([DefaultProfile.Create(), binPack], InTreeRegistry.Create(), seed: 3);
        Snapshot snapshot = Snapshot.Create([Make.Node("busy"), Make.Node("idle")], [Make.Pod("x", "3", "6Gi", nodeName: "busy")]);

        Pod spread = Make.Pod("s", "500m", "1Gi");
        Assert.True(profiles.TryGet(spread, out Scheduler? d));
        Assert.Equal("default-scheduler", d.Framework.SchedulerName);
        Assert.Equal("idle", d.Schedule(spread, snapshot).SuggestedHost);

        Pod packed = Make.Pod("b", "500m", "1Gi");
        packed.Spec.SchedulerName = "bin-packer";
        Assert.True(profiles.TryGet(packed, out Scheduler? b));
        Assert.Equal("busy", b.Schedule(packed, snapshot).SuggestedHost);

        Pod other = Make.Pod("o");
        other.Spec.SchedulerName = "nobody";
        Assert.False(profiles.TryGet(other, out _));
    }
}

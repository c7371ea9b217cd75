using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins;
using RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;
using Preemption = RaftOrchestrator.Scheduling.Plugins.DefaultPreemption.DefaultPreemption;

namespace RaftOrchestrator.Scheduling.Tests.Plugins.DefaultPreemption;

/// <summary>Preemption through the whole default profile: the search fails, PostFilter names a node and victims.</summary>
public sealed class DefaultPreemptionTests
{
    internal static ScheduleResult Schedule(Pod pod, Snapshot snapshot, IReadOnlyList<DisruptionBudget>? budgets = null, int seed = 1, INominatedPods? nominated = null)
    {
        SchedulerProfile profile = DefaultProfile.Create().With(new PluginRef(PluginNames.DefaultPreemption,
            Args: new DefaultPreemptionArgs(Seed: seed, DisruptionBudgets: budgets is null ? null : () => budgets)));
        var scheduler = new Scheduler(SchedulingFramework.Create(profile, InTreeRegistry.Create()), seed);
        return scheduler.Schedule(new CycleState(), PodInfo.Create(pod), snapshot, nominated);
    }

    private static string[] Victims(ScheduleResult result) => [.. (result.PostFilter?.Victims ?? []).Select(v => v.Name)];

    [Fact]
    public void OneVictim_LowerPriorityPodMakesRoom()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")], [Pod("low", "n1", cpu: "2", priority: 0)]);

        ScheduleResult result = Schedule(Pod("high", cpu: "1", priority: 100), snapshot);

        Assert.False(result.IsSuccess);
        Assert.True(result.PostFilter!.Status.IsSuccess, result.PostFilter.Status.ToString());
        Assert.Equal("n1", result.PostFilter.NominatedNodeName);
        Assert.Equal(["low"], Victims(result));
    }

    [Fact]
    public void TheRoomKeptForAnEarlierPreemptor_IsNotPreemptedForAgain_ByALowerPriorityPod()
    {
        // "first" preempted "low" on n1 and waits for it to go; "second" must not evict "low" for room that is first's.
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")], [Pod("low", "n1", cpu: "2", priority: 0)]);
        INominatedPods nominated = NominatedPods.Create([("n1", PodInfo.Create(Pod("first", cpu: "2", priority: 100)))]);

        Assert.Equal("n1", Schedule(Pod("second", cpu: "2", priority: 50), snapshot).PostFilter!.NominatedNodeName);
        ScheduleResult result = Schedule(Pod("second", cpu: "2", priority: 50), snapshot, nominated: nominated);

        Assert.False(result.PostFilter!.Status.IsSuccess);
        Assert.Equal("preemption: 0/1 nodes are available: 1 Insufficient cpu.", result.PostFilter.Status.Message);
        Assert.Equal(["low"], Victims(Schedule(Pod("higher", cpu: "2", priority: 200), snapshot, nominated: nominated)));
    }

    [Fact]
    public void TwoNodes_ChoosesTheNodeWithTheLowerPriorityVictim()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")],
            [Pod("mid", "n1", cpu: "2", priority: 50), Pod("low", "n2", cpu: "2", priority: 10)]);

        ScheduleResult result = Schedule(Pod("high", cpu: "2", priority: 100), snapshot);

        Assert.Equal("n2", result.PostFilter!.NominatedNodeName);
        Assert.Equal(["low"], Victims(result));
    }

    [Fact]
    public void Reprieve_KeepsWhatStillFits_AndEvictsTheLeastImportant()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "3")],
            [Pod("a", "n1", cpu: "1", priority: 5), Pod("b", "n1", cpu: "1", priority: 1), Pod("c", "n1", cpu: "1", priority: 3)]);

        ScheduleResult result = Schedule(Pod("high", cpu: "1", priority: 100), snapshot);

        Assert.Equal(["b"], Victims(result));
    }

    [Fact]
    public void PreemptionPolicyNever_NoPreemption()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")], [Pod("low", "n1", cpu: "2", priority: 0)]);
        Pod pod = Pod("high", cpu: "1", priority: 100);
        pod.Spec.PreemptionPolicy = "Never";

        ScheduleResult result = Schedule(pod, snapshot);

        Assert.False(result.PostFilter!.Status.IsSuccess);
        Assert.Null(result.PostFilter.NominatedNodeName);
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..", result.FitError!.Message);
    }

    [Fact]
    public void EqualOrHigherPriority_IsNeverPreempted()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")],
            [Pod("same", "n1", cpu: "2", priority: 100), Pod("higher", "n2", cpu: "2", priority: 200)]);

        ScheduleResult result = Schedule(Pod("pod", cpu: "1", priority: 100), snapshot);

        Assert.False(result.PostFilter!.Status.IsSuccess);
        Assert.Equal("0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..",
            result.FitError!.Message);
    }

    [Fact]
    public void UnresolvableNodes_AreNotHelpful()
    {
        var taint = new Taint { Key = "dedicated", Value = "x", Effect = "NoSchedule" };
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2", taints: [taint])],
            [Pod("same", "n1", cpu: "2", priority: 100), Pod("low", "n2", cpu: "2", priority: 0)]);

        ScheduleResult result = Schedule(Pod("pod", cpu: "1", priority: 100), snapshot);

        Assert.Contains("preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
            result.FitError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisruptionBudget_PrefersTheNodeWithoutViolations_ButPreemptsWhenItMust()
    {
        var budget = new DisruptionBudget("default", LabelSelectorMatcher.FromSet(Labels("app=guarded")), DisruptionsAllowed: 0);
        Snapshot two = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")],
            [Pod("guarded", "n1", Labels("app=guarded"), cpu: "2", priority: 1), Pod("free", "n2", Labels("app=free"), cpu: "2", priority: 50)]);
        Snapshot one = Snapshot.Create([Node("n1", cpu: "2")], [Pod("guarded", "n1", Labels("app=guarded"), cpu: "2", priority: 1)]);

        ScheduleResult avoided = Schedule(Pod("high", cpu: "2", priority: 100), two, [budget]);
        ScheduleResult forced = Schedule(Pod("high", cpu: "2", priority: 100), one, [budget]);
        ScheduleResult unguarded = Schedule(Pod("high", cpu: "2", priority: 100), two);

        Assert.Equal("n2", avoided.PostFilter!.NominatedNodeName);
        Assert.Equal("n1", forced.PostFilter!.NominatedNodeName);
        Assert.Equal(["guarded"], Victims(forced));
        Assert.Equal("n1", unguarded.PostFilter!.NominatedNodeName);
    }

    [Fact]
    public void SplitByBudget_SpendsTheBudgetInOrder_DisruptedPodsAreFree()
    {
        var budget = new DisruptionBudget("default", LabelSelectorMatcher.FromSet(Labels("app=db")), 1, new HashSet<string> { "db-2" });
        PodInfo[] pods = [PodInfo.Create(Pod("db-0", "n1", Labels("app=db"))), PodInfo.Create(Pod("db-1", "n1", Labels("app=db"))), PodInfo.Create(Pod("db-2", "n1", Labels("app=db")))];

        (List<PodInfo> violating, List<PodInfo> nonViolating) = Preemption.SplitByBudget(pods, [budget]);

        Assert.Equal(["db-1"], violating.Select(p => p.Name));
        Assert.Equal(["db-0", "db-2"], nonViolating.Select(p => p.Name));
    }

    [Fact]
    public void ExistingAntiAffinity_RemovingTheVictimUnblocksTheNode()
    {
        Pod guard = Pod("guard", "n1", Labels("app=guard"), priority: 0).WithAffinity(antiAffinity: Term(Hostname, "web"));
        Snapshot snapshot = Snapshot.Create([Node("n1")], [guard]);

        ScheduleResult result = Schedule(Pod("web", labels: Labels("app=web"), priority: 10), snapshot);

        Assert.Contains("1 node(s) didn't satisfy existing pods anti-affinity rules", result.FitError!.Message, StringComparison.Ordinal);
        Assert.Equal("n1", result.PostFilter!.NominatedNodeName);
        Assert.Equal(["guard"], Victims(result));
    }

    [Fact]
    public void AffinityToAVictim_BreaksWhenTheVictimsAreRemoved_NoPreemption()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")],
            [Pod("db", "n1", Labels("app=db"), cpu: "1", priority: 0), Pod("batch", "n1", Labels("app=batch"), cpu: "1", priority: 0)]);
        Pod web = Pod("web", labels: Labels("app=web"), cpu: "1", priority: 10).WithAffinity(affinity: Term(Hostname, "db"));

        ScheduleResult result = Schedule(web, snapshot);

        Assert.False(result.PostFilter!.Status.IsSuccess);
        Assert.Contains("preemption: 0/1 nodes are available: 1 node(s) didn't match pod affinity rules.", result.FitError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_TiesOnPriority_FewerVictimsThenLatestStart()
    {
        var early = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Snapshot fewer = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")],
            [Pod("a", "n1", cpu: "1", priority: 5), Pod("b", "n1", cpu: "1", priority: 5), Pod("c", "n2", cpu: "2", priority: 5)]);
        Snapshot later = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")],
            [Pod("old", "n1", cpu: "2", priority: 5, started: early), Pod("new", "n2", cpu: "2", priority: 5, started: early.AddHours(1))]);

        // n1 needs two victims (sum of priorities higher), n2 one.
        Assert.Equal("n2", Schedule(Pod("high", cpu: "2", priority: 100), fewer).PostFilter!.NominatedNodeName);
        Assert.Equal("n2", Schedule(Pod("high", cpu: "2", priority: 100), later).PostFilter!.NominatedNodeName);
    }

    [Fact]
    public void CandidateSearch_BoundedAndSeeded()
    {
        var plugin = new Preemption(new DefaultPreemptionArgs(Seed: 7));
        PodInfo pod = PodInfo.Create(Pod("p"));

        // 10% of the nodes, at least 100, at most all of them.
        Assert.Equal(500, plugin.NumCandidates(5000));
        Assert.Equal(100, plugin.NumCandidates(500));
        Assert.Equal(40, plugin.NumCandidates(40));
        Assert.Equal(plugin.Offset(pod, 97), plugin.Offset(pod, 97));
        Assert.InRange(plugin.Offset(pod, 97), 0, 96);
        Assert.True(Enumerable.Range(0, 20).Select(i => plugin.Offset(PodInfo.Create(Pod($"p{i}")), 1000)).Distinct().Count() > 10);
    }
}

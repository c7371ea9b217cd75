using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;

namespace RaftOrchestrator.Scheduling.Tests.Framework;

/// <summary>Filtering with the pods nominated to a node (kube-scheduler's RunFilterPluginsWithNominatedPods).</summary>
public sealed class NominatedPodsTests
{
    internal static NominatedPods Nominated(params (string Node, Pod Pod)[] pods) =>
        NominatedPods.Create(pods.Select(p => (p.Node, PodInfo.Create(p.Pod))));

    private static ScheduleResult Schedule(Pod pod, Snapshot snapshot, INominatedPods? nominated, int seed = 1) =>
        Make.DefaultScheduler(seed).Schedule(new CycleState(), PodInfo.Create(pod), snapshot, nominated);

    [Theory]
    [InlineData(10, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void RoomKeptForANominatedPod_CountsForPodsOfLowerOrEqualPriorityOnly(int priority, bool fits)
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")]);
        NominatedPods nominated = Nominated(("n1", Pod("preemptor", cpu: "2", priority: 100)));
        Pod pod = Pod("q", cpu: "1", priority: priority);

        Assert.Equal("n1", Schedule(pod, snapshot, nominated: null).SuggestedHost);
        ScheduleResult result = Schedule(pod, snapshot, nominated);

        Assert.Equal(fits, result.IsSuccess);
        if (!fits)
        {
            Assert.Equal(["Insufficient cpu"], result.FitError!.Diagnosis.NodeToStatus.Get("n1").Reasons);
        }
    }

    [Fact]
    public void TheSearch_GoesAroundANodeKeptForANominatedPod_WhateverTheSeed()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2"), Node("n2", cpu: "2")]);
        NominatedPods nominated = Nominated(("n1", Pod("preemptor", cpu: "2", priority: 100)));
        Pod pod = Pod("q", cpu: "1");

        string?[] without = [.. Enumerable.Range(0, 20).Select(seed => Schedule(pod, snapshot, null, seed).SuggestedHost)];
        string?[] with = [.. Enumerable.Range(0, 20).Select(seed => Schedule(pod, snapshot, nominated, seed).SuggestedHost)];

        Assert.Contains("n1", without);
        Assert.All(with, host => Assert.Equal("n2", host));
    }

    [Fact]
    public void TheNominatedPodItself_IsNotCountedAgainstItself()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")]);
        Pod preemptor = Pod("preemptor", cpu: "2", priority: 100);

        Assert.Equal("n1", Schedule(preemptor, snapshot, Nominated(("n1", preemptor))).SuggestedHost);
    }

    [Fact]
    public void ANominatedPodAlreadyOnTheNode_IsCountedOnce()
    {
        // Assumed on n1 while its nomination is still listed: 1 of 2 cpus is used, not 2.
        Pod preemptor = Pod("preemptor", node: "n1", cpu: "1", priority: 100);
        Snapshot snapshot = Snapshot.Create([Node("n1", cpu: "2")], [preemptor]);

        Assert.Equal("n1", Schedule(Pod("q", cpu: "1"), snapshot, Nominated(("n1", preemptor))).SuggestedHost);
    }

    [Fact]
    public void IncomingAntiAffinity_AgainstANominatedPod_KeepsThePodOffItsNode()
    {
        Snapshot snapshot = Snapshot.Create([Node("n1"), Node("n2")]);
        NominatedPods nominated = Nominated(("n1", Pod("preemptor", labels: Labels("app=p"), priority: 100)));
        Pod pod = Pod("q").WithAffinity(antiAffinity: Term(Hostname, "p"));

        Assert.All(Enumerable.Range(0, 10), seed => Assert.Equal("n2", Schedule(pod, snapshot, nominated, seed).SuggestedHost));
        ScheduleResult alone = Schedule(pod, Snapshot.Create([Node("n1")]), nominated);
        Assert.Equal([InterPodAffinity.ErrReasonAntiAffinityRulesNotMatch], alone.FitError!.Diagnosis.NodeToStatus.Get("n1").Reasons);
    }

    [Fact]
    public void ANominatedPodsAntiAffinity_KeepsTheIncomingPodOff_EvenWithNoAntiAffinityPlacedAnywhere()
    {
        // Nothing placed has anti-affinity, and the incoming pod has no terms: InterPodAffinity would skip its Filter
        // were it not for the nominated pod.
        Snapshot snapshot = Snapshot.Create([Node("n1")]);
        Pod preemptor = Pod("preemptor", priority: 100).WithAffinity(antiAffinity: Term(Hostname, "q"));
        Pod pod = Pod("q", labels: Labels("app=q"));

        Assert.Equal("n1", Schedule(pod, snapshot, null).SuggestedHost);
        ScheduleResult result = Schedule(pod, snapshot, Nominated(("n1", preemptor)));

        Assert.Equal([InterPodAffinity.ErrReasonExistingAntiAffinityRulesNotMatch], result.FitError!.Diagnosis.NodeToStatus.Get("n1").Reasons);
    }

    [Fact]
    public void SecondPass_AffinityToANominatedPodAlone_DoesNotFit()
    {
        // The nominated pod may never arrive: affinity it alone would satisfy is not enough.
        Pod target = Pod("preemptor", labels: Labels("app=p"), priority: 100);
        Pod pod = Pod("q").WithAffinity(affinity: Term(Hostname, "p"));

        ScheduleResult result = Schedule(pod, Snapshot.Create([Node("n1")]), Nominated(("n1", target)));
        Assert.Equal([InterPodAffinity.ErrReasonAffinityRulesNotMatch], result.FitError!.Diagnosis.NodeToStatus.Get("n1").Reasons);

        target.Spec.NodeName = "n1";
        Snapshot placed = Snapshot.Create([Node("n1")], [target]);
        Assert.Equal("n1", Schedule(pod, placed, Nominated(("n1", target))).SuggestedHost);
    }

    [Fact]
    public void NodesWithNominatedPods_AreFilteredOnTheirOwn_NotFromTheClassTable()
    {
        // A class-invariant filter that (against its contract) looks at the pods shows whether the first pass used
        // the per-class table: it must reject exactly the nominated node, whichever node the rotation starts at.
        var perClass = new CountingFilter("PerClass", n => n.Pods.Count == 0 ? Status.Success : Status.Unschedulable("PerClass", "busy"), classInvariant: true);
        SchedulerProfile profile = FakeRegistry.Profile(("PerClass", 1)) with { PercentageOfNodesToScore = 100 };
        var scheduler = new Scheduler(SchedulingFramework.Create(profile, FakeRegistry.With(perClass)), 1);
        Snapshot snapshot = Snapshot.Create([Node("n1"), Node("n2"), Node("n3"), Node("n4")]);
        NominatedPods nominated = Nominated(("n3", Pod("preemptor", priority: 100)));

        Assert.Equal(4, scheduler.Schedule(new CycleState(), PodInfo.Create(Pod("warm")), snapshot).FeasibleNodes);
        Assert.Equal(1, perClass.Calls);
        for (int start = 0; start < 4; start++)
        {
            int before = perClass.Calls;
            ScheduleResult result = scheduler.Schedule(new CycleState(), PodInfo.Create(Pod("q" + start)), snapshot, nominated);
            Assert.Equal(3, result.FeasibleNodes);
            Assert.Equal(2, perClass.Calls - before);
        }
    }

    [Fact]
    public void AFailingAddPodExtension_IsAnError()
    {
        var broken = new BrokenExtension();
        var scheduler = new Scheduler(SchedulingFramework.Create(FakeRegistry.Profile((broken.Name, 1)), FakeRegistry.With(broken)), 1);
        Snapshot snapshot = Snapshot.Create([Node("n1")]);

        ScheduleResult result = scheduler.Schedule(new CycleState(), PodInfo.Create(Pod("q")), snapshot, Nominated(("n1", Pod("preemptor", priority: 5))));

        Assert.Equal(StatusCode.Error, result.Error!.Code);
        Assert.Contains("adding nominated pod default/preemptor to n1: no", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NominatedPods_GroupsByNode_InTheOrderGiven()
    {
        NominatedPods nominated = Nominated(("n1", Pod("a")), ("n2", Pod("b")), ("n1", Pod("c")));

        Assert.Equal(["n1", "n2"], nominated.NodeNames.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "c"], nominated.NominatedPodsForNode("n1").Select(p => p.Name));
        Assert.Empty(nominated.NominatedPodsForNode("n3"));
        Assert.Equal(3, nominated.Count);
        Assert.Same(NominatedPods.Empty, Nominated());
    }

    /// <summary>A PreFilter extension whose AddPod fails; its Filter passes everything.</summary>
    private sealed class BrokenExtension : IPreFilterExtensions, IFilterPlugin
    {
        public string Name => "Broken";

        public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
        {
            result = null;
            return Status.Success;
        }

        public Status AddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) => Status.Error(Name, "no");

        public Status RemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) => Status.Success;

        public Status Filter(CycleState state, PodInfo pod, NodeInfo node) => Status.Success;
    }
}

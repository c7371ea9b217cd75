using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Tests.Framework;

public sealed class SchedulingFrameworkTests
{
    [Fact]
    public void Create_RejectsBadProfiles()
    {
        PluginRegistry registry = InTreeRegistry.Create();
        Assert.Throws<ArgumentException>(() => SchedulingFramework.Create(new SchedulerProfile("x", [new PluginRef("PrioritySort"), new PluginRef("Nope")]), registry));
        Assert.Throws<ArgumentException>(() => SchedulingFramework.Create(new SchedulerProfile("x", [new PluginRef("NodeName")]), registry));
        Assert.Throws<ArgumentException>(() => SchedulingFramework.Create(new SchedulerProfile("x", [new PluginRef("PrioritySort"), new PluginRef("NodeName"), new PluginRef("NodeName")]), registry));
        Assert.Throws<ArgumentException>(() => SchedulingFramework.Create(DefaultProfile.Create() with { PercentageOfNodesToScore = 101 }, registry));
        Assert.Throws<ArgumentException>(() => SchedulingFramework.Create(
            DefaultProfile.Create().With(new PluginRef("NodeResourcesFit", 1, "not args")), registry));
    }

    [Fact]
    public void DefaultProfile_HasKubeSchedulersWeights()
    {
        SchedulingFramework fw = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
        Assert.Equal("default-scheduler", fw.SchedulerName);
        var weights = fw.ScorePlugins.Select((p, i) => (p.Name, fw.ScoreWeights[i])).ToArray();
        Assert.Equal([("TaintToleration", 3L), ("NodeAffinity", 2L), ("NodeResourcesFit", 1L), ("PodTopologySpread", 2L), ("InterPodAffinity", 2L), ("NodeResourcesBalancedAllocation", 1L)], weights);
        Assert.Equal(["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity"], fw.FilterPlugins.Select(p => p.Name));
    }

    [Fact]
    public void RunFilterPlugins_ReturnsTheFirstFailure_AttributedToItsPlugin()
    {
        var first = new CountingFilter("First", _ => Status.Create(StatusCode.Unschedulable, null, "first says no"));
        var second = new CountingFilter("Second", _ => Status.Unresolvable("Second", "never"));
        SchedulingFramework fw = SchedulingFramework.Create(FakeRegistry.Profile(("First", 1), ("Second", 1)), FakeRegistry.With(first, second));
        Status s = fw.RunFilterPlugins(new CycleState(), PodInfo.Create(Make.Pod("p")), Make.NodeInfo(Make.Node("n")));
        Assert.Equal("First", s.Plugin);
        Assert.Equal(StatusCode.Unschedulable, s.Code);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public void PreFilterSkip_DisablesThatPluginsFilter()
    {
        SchedulingFramework fw = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
        var state = new CycleState();
        PodInfo pod = PodInfo.Create(Make.Pod("p"));
        Assert.True(fw.RunPreFilterPlugins(state, pod, new Snapshot()).IsSuccess);
        Assert.Equal(["NodeAffinity", "NodePorts", "PodTopologySpread", "InterPodAffinity"], state.SkipFilterPlugins);
        CycleState clone = state.Clone();
        Assert.Equal(state.SkipFilterPlugins, clone.SkipFilterPlugins);
        state.Reset();
        Assert.Empty(state.SkipFilterPlugins);
    }

    [Fact]
    public void Reserve_StopsAtTheFirstFailure_UnreserveRunsAllInReverse()
    {
        var log = new List<string>();
        var a = new RecordingPlugin("A", log);
        var b = new RecordingPlugin("B", log, reserve: Status.Unschedulable("B", "no volume"));
        var c = new RecordingPlugin("C", log);
        SchedulingFramework fw = SchedulingFramework.Create(FakeRegistry.Profile(("A", 1), ("B", 1), ("C", 1)), FakeRegistry.With(a, b, c));
        PodInfo pod = PodInfo.Create(Make.Pod("p"));
        Status s = fw.RunReservePluginsReserve(new CycleState(), pod, "n");
        Assert.Equal("B", s.Plugin);
        fw.RunReservePluginsUnreserve(new CycleState(), pod, "n");
        Assert.Equal(["reserve A", "reserve B", "unreserve C", "unreserve B", "unreserve A"], log);
    }

    [Fact]
    public void Permit_RejectWins_OtherwiseTheLongestWait()
    {
        var log = new List<string>();
        var shortWait = new RecordingPlugin("Short", log, permit: PermitResult.WaitFor("Short", TimeSpan.FromSeconds(5)));
        var longWait = new RecordingPlugin("Long", log, permit: PermitResult.WaitFor("Long", TimeSpan.FromSeconds(30)));
        var reject = new RecordingPlugin("Reject", log, permit: new PermitResult(Status.Unschedulable("Reject", "gang incomplete"), TimeSpan.Zero));
        PluginRegistry registry = FakeRegistry.With(shortWait, longWait, reject);
        PodInfo pod = PodInfo.Create(Make.Pod("p"));

        PermitResult waits = SchedulingFramework.Create(FakeRegistry.Profile(("Short", 1), ("Long", 1)), registry).RunPermitPlugins(new CycleState(), pod, "n");
        Assert.Equal(StatusCode.Wait, waits.Status.Code);
        Assert.Equal(TimeSpan.FromSeconds(30), waits.Timeout);
        Assert.Equal("Long", waits.Status.Plugin);

        PermitResult rejected = SchedulingFramework.Create(FakeRegistry.Profile(("Short", 1), ("Reject", 1)), registry).RunPermitPlugins(new CycleState(), pod, "n");
        Assert.Equal(StatusCode.Unschedulable, rejected.Status.Code);

        Assert.True(SchedulingFramework.Create(FakeRegistry.Profile(), registry).RunPermitPlugins(new CycleState(), pod, "n").Status.IsSuccess);
    }

    [Fact]
    public async Task Bind_AllSkipping_IsAnError()
    {
        SchedulingFramework fw = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
        Status s = await fw.RunBindPluginsAsync(new CycleState(), PodInfo.Create(Make.Pod("p")), "n", TestContext.Current.CancellationToken);
        Assert.Equal(StatusCode.Error, s.Code);
    }

    [Fact]
    public void CycleState_TypedKeys_CloneDeepCopies()
    {
        var key = new StateKey<Counter>("counter");
        var other = new StateKey<Counter>("counter");
        var state = new CycleState();
        state.Write(key, new Counter { Value = 1 });
        Assert.True(state.TryRead(key, out Counter? c));
        Assert.False(state.TryRead(other, out _));
        CycleState copy = state.Clone();
        copy.TryRead(key, out Counter? cc);
        cc!.Value = 5;
        Assert.Equal(1, c.Value);
    }

    private sealed class Counter : IStateData
    {
        public int Value { get; set; }

        public IStateData Clone() => new Counter { Value = Value };
    }
}

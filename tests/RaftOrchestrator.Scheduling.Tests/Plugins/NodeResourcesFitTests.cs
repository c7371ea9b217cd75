using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.NodeResources;

namespace RaftOrchestrator.Scheduling.Tests.Plugins;

public sealed class NodeResourcesFitTests
{
    private readonly NodeResourcesFit _fit = new();

    public static TheoryData<string?, string?, string, StatusCode, string[]> FilterCases => new()
    {
        { "1", "1Gi", "110", StatusCode.Success, [] },
        { "3", "1Gi", "110", StatusCode.Unschedulable, ["Insufficient cpu"] },
        { "1", "5Gi", "110", StatusCode.Unschedulable, ["Insufficient memory"] },
        { "3", "5Gi", "110", StatusCode.Unschedulable, ["Insufficient cpu", "Insufficient memory"] },
        { "1", "1Gi", "1", StatusCode.Unschedulable, ["Too many pods"] },
        { "5", "1Gi", "110", StatusCode.UnschedulableAndUnresolvable, ["Insufficient cpu"] },
        { null, null, "1", StatusCode.Unschedulable, ["Too many pods"] },
        { null, null, "110", StatusCode.Success, [] },
    };

    /// <summary>A 4-cpu 8Gi node already running a 2-cpu 4Gi pod.</summary>
    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filter_ChecksWhatIsLeft(string? cpu, string? memory, string pods, StatusCode code, string[] reasons)
    {
        NodeInfo node = Make.NodeInfo(Make.Node("n", "4", "8Gi", pods), Make.Pod("old", "2", "4Gi"));
        Status s = _fit.Filter(new CycleState(), PodInfo.Create(Make.Pod("p", cpu, memory)), node);
        Assert.Equal(code, s.Code);
        Assert.Equal(reasons, s.Reasons);
        if (!s.IsSuccess)
        {
            Assert.Equal("NodeResourcesFit", s.Plugin);
        }
    }

    [Fact]
    public void Filter_ExtendedResource()
    {
        Node n = Make.Node("n", extra: new() { ["example.com/gpu"] = "2" });
        Pod pod = Make.Pod("p", "1");
        pod.Spec.Containers[0].Resources!.Requests!["example.com/gpu"] = "1";
        NodeInfo node = Make.NodeInfo(n, Clone(pod, "a"), Clone(pod, "b"));
        Status s = _fit.Filter(new CycleState(), PodInfo.Create(pod), node);
        Assert.Equal(StatusCode.Unschedulable, s.Code);
        Assert.Equal(["Insufficient example.com/gpu"], s.Reasons);
        Assert.True(_fit.Filter(new CycleState(), PodInfo.Create(pod), Make.NodeInfo(n)).IsSuccess);
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, _fit.Filter(new CycleState(), PodInfo.Create(pod), Make.NodeInfo(Make.Node("plain"))).Code);
    }

    [Fact]
    public void Filter_EphemeralStorage()
    {
        Node n = Make.Node("n", extra: new() { ["ephemeral-storage"] = "10Gi" });
        Pod pod = Make.Pod("p");
        pod.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new() { ["ephemeral-storage"] = "6Gi" } };
        NodeInfo node = Make.NodeInfo(n, Clone(pod, "a"));
        Assert.Equal(["Insufficient ephemeral-storage"], _fit.Filter(new CycleState(), PodInfo.Create(pod), node).Reasons);
    }

    public static TheoryData<string?, string?, long> LeastAllocatedCases => new()
    {
        // (4000-1000)*100/4000 = 75 for cpu, same for memory: 75.
        { "1", "2Gi", 75 },
        // Missing requests count as 100m / 200Mi: cpu 3900*100/4000 = 97, memory (8192-200)*100/8192 = 97.
        { null, null, 97 },
    };

    [Theory]
    [MemberData(nameof(LeastAllocatedCases))]
    public void Score_LeastAllocated(string? cpu, string? memory, long expected)
    {
        NodeInfo node = Make.NodeInfo(Make.Node("n", "4", "8Gi"));
        Assert.True(_fit.Score(new CycleState(), PodInfo.Create(Make.Pod("p", cpu, memory)), node, out long score).IsSuccess);
        Assert.Equal(expected, score);
    }

    [Fact]
    public void Score_LeastAllocated_CountsExistingPodsWithTheirNonZeroDefaults()
    {
        // The existing pod names no cpu: it counts 100m. cpu (4000-2100)*100/4000 = 47, memory (8-4)/8 → 50: (47+50)/2 = 48.
        NodeInfo node = Make.NodeInfo(Make.Node("n", "4", "8Gi"), Make.Pod("old", null, "2Gi"));
        _fit.Score(new CycleState(), PodInfo.Create(Make.Pod("p", "2", "2Gi")), node, out long score);
        Assert.Equal(48, score);
    }

    [Fact]
    public void Score_MostAllocated_And_RequestedToCapacityRatio()
    {
        NodeInfo node = Make.NodeInfo(Make.Node("n", "4", "8Gi"), Make.Pod("old", "1", "2Gi"));
        PodInfo pod = PodInfo.Create(Make.Pod("p", "1", "4Gi"));
        var most = new NodeResourcesFit(new NodeResourcesFitArgs(new ScoringStrategy(ScoringStrategyType.MostAllocated, ScoringStrategy.DefaultResources)));
        most.Score(new CycleState(), pod, node, out long m);
        Assert.Equal((50 + 75) / 2, m);

        var ratio = new NodeResourcesFit(new NodeResourcesFitArgs(
            new ScoringStrategy(ScoringStrategyType.RequestedToCapacityRatio, [new ResourceSpec("cpu", 3), new ResourceSpec("memory", 1)])
            {
                Shape = [new UtilizationShapePoint(0, 10), new UtilizationShapePoint(100, 0)],
            }));
        ratio.Score(new CycleState(), pod, node, out long r);
        // cpu 50% → 50, memory 75% → 25: (50*3 + 25*1) / 4 = 43.75 → 44.
        Assert.Equal(44, r);
    }

    [Fact]
    public void ResourceScorers_SkipZeroCapacity_AndCapOverCommit()
    {
        Assert.Equal(0, ResourceScorers.LeastAllocated([5000, 1], [4000, 0], [1, 1]));
        Assert.Equal(100, ResourceScorers.MostAllocated([5000, 1], [4000, 0], [1, 1]));
        Assert.Equal(0, ResourceScorers.LeastAllocated([], [], []));
        Assert.Equal(50, ResourceScorers.BrokenLinear([new UtilizationShapePoint(0, 0), new UtilizationShapePoint(50, 10)], 25));
        Assert.Equal(100, ResourceScorers.BrokenLinear([new UtilizationShapePoint(0, 0), new UtilizationShapePoint(50, 10)], 80));
    }

    [Fact]
    public void BalancedAllocation_ScoresTheSpreadOfFractions_AndSkipsBestEffort()
    {
        var balanced = new NodeResourcesBalancedAllocation();
        NodeInfo node = Make.NodeInfo(Make.Node("n", "4", "8Gi"));
        balanced.Score(new CycleState(), PodInfo.Create(Make.Pod("p", "1", "2Gi")), node, out long even);
        Assert.Equal(100, even);
        balanced.Score(new CycleState(), PodInfo.Create(Make.Pod("p", "2", "2Gi")), node, out long uneven);
        // fractions 0.5 and 0.25: std 0.125 → 87.
        Assert.Equal(87, uneven);
        Assert.True(balanced.PreScore(new CycleState(), PodInfo.Create(Make.Pod("be")), new Snapshot(), []).IsSkip);
        Assert.True(balanced.PreScore(new CycleState(), PodInfo.Create(Make.Pod("p", "1")), new Snapshot(), []).IsSuccess);
        // three fractions 0.1, 0.6, 0.5: population std 0.216 → 78.
        Assert.Equal(78, ResourceScorers.Balanced([1, 6, 5], [10, 10, 10]));
    }

    private static Pod Clone(Pod pod, string name)
    {
        Pod copy = Make.Pod(name);
        copy.Spec.Containers = pod.Spec.Containers;
        return copy;
    }
}

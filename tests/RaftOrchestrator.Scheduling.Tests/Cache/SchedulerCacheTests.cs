using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Tests.Cache;

public sealed class SchedulerCacheTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SchedulerCache WithNodes(int count, TimeSpan ttl = default)
    {
        var cache = new SchedulerCache(ttl);
        for (int i = 0; i < count; i++)
        {
            cache.AddNode(Make.Node($"n{i}"));
        }
        return cache;
    }

    [Fact]
    public void AssumedPod_CountsOnItsNode_UntilForgotten()
    {
        SchedulerCache cache = WithNodes(1);
        var pod = PodInfo.Create(Make.Pod("p", "1", "1Gi"));
        Assert.True(cache.AssumePod(pod, "n0"));
        Assert.False(cache.AssumePod(pod, "n0"));
        Assert.Equal(1000, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.True(cache.IsAssumed(pod.Uid));
        Assert.True(cache.ForgetPod(pod.Uid));
        Assert.Equal(0, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.False(cache.ForgetPod(pod.Uid));
        Assert.Equal(0, cache.PodCount);
    }

    [Fact]
    public void InformerAdd_ConfirmsTheAssumedPod_MovingItIfItLandedElsewhere()
    {
        SchedulerCache cache = WithNodes(2);
        Pod pod = Make.Pod("p", "1");
        Assert.True(cache.AssumePod(PodInfo.Create(pod), "n0"));
        pod.Spec.NodeName = "n1";
        Assert.True(cache.AddPod(pod));
        Assert.False(cache.IsAssumed(PodInfo.Create(pod).Uid));
        Assert.Equal(0, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.Equal(1000, cache.GetNodeInfo("n1")!.Requested.MilliCpu);
        Assert.False(cache.AddPod(pod));
        Assert.False(cache.ForgetPod(PodInfo.Create(pod).Uid));
    }

    [Fact]
    public void AssumedPods_ExpireOnlyAfterBindingFinished_AndTheTtl()
    {
        SchedulerCache cache = WithNodes(1, TimeSpan.FromSeconds(30));
        var bound = PodInfo.Create(Make.Pod("bound", "1"));
        var inFlight = PodInfo.Create(Make.Pod("inflight", "1"));
        cache.AssumePod(bound, "n0");
        cache.AssumePod(inFlight, "n0");
        Assert.True(cache.FinishBinding(bound.Uid, s_t0));
        Assert.Empty(cache.CleanupExpiredAssumedPods(s_t0.AddSeconds(30)));
        Assert.Equal([bound.Uid], cache.CleanupExpiredAssumedPods(s_t0.AddSeconds(31)));
        Assert.Equal(1000, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.Empty(cache.CleanupExpiredAssumedPods(s_t0.AddHours(1)));
        Assert.Equal(1, cache.AssumedPodCount);
    }

    [Fact]
    public void ZeroTtl_NeverExpires()
    {
        SchedulerCache cache = WithNodes(1);
        var pod = PodInfo.Create(Make.Pod("p", "1"));
        cache.AssumePod(pod, "n0");
        cache.FinishBinding(pod.Uid, s_t0);
        Assert.Empty(cache.CleanupExpiredAssumedPods(s_t0.AddDays(365)));
    }

    [Fact]
    public void UpdateAndRemovePod_AdjustTheNode()
    {
        SchedulerCache cache = WithNodes(1);
        Pod v1 = Make.Pod("p", "1", nodeName: "n0");
        Pod v2 = Make.Pod("p", "2", nodeName: "n0");
        cache.AddPod(v1);
        Assert.True(cache.UpdatePod(v1, v2));
        Assert.Equal(2000, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.True(cache.RemovePod(v2));
        Assert.Equal(0, cache.GetNodeInfo("n0")!.Requested.MilliCpu);
        Assert.False(cache.RemovePod(v2));
    }

    [Fact]
    public void UpdateSnapshot_CopiesOnlyChangedNodes()
    {
        SchedulerCache cache = WithNodes(5000);
        var snapshot = new Snapshot();
        Assert.Equal(5000, cache.UpdateSnapshot(snapshot));
        Assert.Equal(5000, snapshot.Count);
        Assert.Equal(0, cache.UpdateSnapshot(snapshot));

        NodeInfo before = snapshot.Get("n42")!;
        cache.AssumePod(PodInfo.Create(Make.Pod("p", "1")), "n42");
        Assert.Equal(0, before.Requested.MilliCpu);
        Assert.Equal(1, cache.UpdateSnapshot(snapshot));
        Assert.Same(before, snapshot.Get("n42"));
        Assert.Equal(1000, before.Requested.MilliCpu);

        cache.UpdateNode(Make.Node("n7", cpu: "8"));
        cache.AssumePod(PodInfo.Create(Make.Pod("q", "1")), "n8");
        Assert.Equal(2, cache.UpdateSnapshot(snapshot));
        Assert.Equal(8000, snapshot.Get("n7")!.Allocatable.MilliCpu);
    }

    [Fact]
    public void Snapshot_IsIsolatedFromTheCache()
    {
        SchedulerCache cache = WithNodes(1);
        var snapshot = new Snapshot();
        cache.UpdateSnapshot(snapshot);
        cache.AssumePod(PodInfo.Create(Make.Pod("p", "1")), "n0");
        Assert.Empty(snapshot.Get("n0")!.Pods);
        Assert.NotSame(cache.GetNodeInfo("n0"), snapshot.Get("n0"));
    }

    [Fact]
    public void RemovedNodes_LeaveTheSnapshot_PodsKeepAPlaceholder()
    {
        SchedulerCache cache = WithNodes(3);
        var snapshot = new Snapshot();
        cache.UpdateSnapshot(snapshot);
        cache.AddPod(Make.Pod("p", "1", nodeName: "n1"));
        Assert.True(cache.RemoveNode("n1"));
        Assert.True(cache.RemoveNode("n2"));
        Assert.False(cache.RemoveNode("n2"));
        cache.UpdateSnapshot(snapshot);
        Assert.Equal(["n0"], snapshot.Nodes.Select(n => n.Name));
        Assert.Equal(1, cache.NodeCount);
        Assert.NotNull(cache.GetNodeInfo("n1"));
        cache.RemovePod(Make.Pod("p", "1", nodeName: "n1"));
        Assert.Null(cache.GetNodeInfo("n1"));
        cache.AddNode(Make.Node("n1"));
        cache.UpdateSnapshot(snapshot);
        Assert.Equal(["n0", "n1"], snapshot.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Snapshot_InterleavesZones_AndTracksPodsWithAffinity()
    {
        var cache = new SchedulerCache();
        foreach ((string name, string zone) in new[] { ("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b"), ("c1", "c"), ("c2", "c") })
        {
            cache.AddNode(Make.Node(name, labels: new() { ["topology.kubernetes.io/zone"] = zone }));
        }
        var snapshot = new Snapshot();
        cache.UpdateSnapshot(snapshot);
        Assert.Equal(["a1", "b1", "c1", "a2", "c2", "a3"], snapshot.Nodes.Select(n => n.Name));

        Pod anti = Make.Pod("anti", nodeName: "c2");
        anti.Spec.Affinity = new Affinity { PodAntiAffinity = new PodAntiAffinity { RequiredDuringSchedulingIgnoredDuringExecution = [new PodAffinityTerm { TopologyKey = "kubernetes.io/hostname" }] } };
        cache.AddPod(anti);
        cache.UpdateSnapshot(snapshot);
        Assert.Equal(["c2"], snapshot.HavePodsWithAffinity.Select(n => n.Name));
        Assert.Equal(["c2"], snapshot.HavePodsWithRequiredAntiAffinity.Select(n => n.Name));
        cache.RemovePod(anti);
        cache.UpdateSnapshot(snapshot);
        Assert.Empty(snapshot.HavePodsWithAffinity);
    }

    [Fact]
    public void NodeClasses_GroupEqualNodes_IgnoringTheHostname()
    {
        var cache = new SchedulerCache();
        cache.AddNode(Make.Node("x", labels: new() { ["pool"] = "web" }));
        cache.AddNode(Make.Node("y", labels: new() { ["pool"] = "web" }));
        cache.AddNode(Make.Node("z", labels: new() { ["pool"] = "db" }));
        cache.AddNode(Make.Node("t", labels: new() { ["pool"] = "web" }, taints: [Make.Taint("k", "v", "NoSchedule")]));
        var snapshot = new Snapshot();
        cache.UpdateSnapshot(snapshot);
        int Class(string n) => snapshot.Get(n)!.ClassId;
        Assert.Equal(Class("x"), Class("y"));
        Assert.NotEqual(Class("x"), Class("z"));
        Assert.NotEqual(Class("x"), Class("t"));
        Assert.True(snapshot.ClassCount >= 3);
        cache.UpdateNode(Make.Node("z", labels: new() { ["pool"] = "web" }));
        cache.UpdateSnapshot(snapshot);
        Assert.Equal(Class("x"), Class("z"));
    }
}

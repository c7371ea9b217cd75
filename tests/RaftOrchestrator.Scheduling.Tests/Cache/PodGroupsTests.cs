using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;
using AffinityPlugin = RaftOrchestrator.Scheduling.Plugins.InterPodAffinity.InterPodAffinity;

namespace RaftOrchestrator.Scheduling.Tests.Cache;

/// <summary>NodeInfo's pod groups (equal namespace + labels, + terms for anti-affinity) and the plugins that count by them.</summary>
public sealed class PodGroupsTests
{
    [Fact]
    public void PodGroups_CountEqualPodsOnce_AndFollowAddAndRemove()
    {
        NodeInfo node = Make.NodeInfo(Node("n1"));
        node.AddPod(PodInfo.Create(Pod("a-0", "n1", Labels("app=a", "tier=x"))));
        node.AddPod(PodInfo.Create(Pod("a-1", "n1", Labels("tier=x", "app=a"))));   // same labels, other order
        node.AddPod(PodInfo.Create(Pod("b-0", "n1", Labels("app=b"))));

        Assert.Equal([2, 1], node.PodGroups.Select(g => g.Count));

        Assert.True(node.RemovePod(PodInfo.Create(Pod("a-0", "n1", Labels("app=a"))).Uid));
        Assert.Equal([1, 1], node.PodGroups.Select(g => g.Count));
        node.AddPod(PodInfo.Create(Pod("b-1", "n1", Labels("app=b"))));
        Assert.Equal([1, 2], node.PodGroups.Select(g => g.Count));
    }

    [Fact]
    public void GroupKey_SeparatesNamespaces_TerminatingPods_AndAntiAffinityTerms()
    {
        PodInfo plain = PodInfo.Create(Pod("a-0", "n1", Labels("app=a")));
        PodInfo otherNamespace = PodInfo.Create(Pod("a-1", "n1", Labels("app=a"), ns: "other"));
        Pod terminatingPod = Pod("a-2", "n1", Labels("app=a"));
        terminatingPod.Metadata.DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        PodInfo terminating = PodInfo.Create(terminatingPod);
        PodInfo anti1 = PodInfo.Create(Pod("a-3", "n1", Labels("app=a")).WithAffinity(antiAffinity: Term(Hostname, "a")));
        PodInfo anti2 = PodInfo.Create(Pod("a-4", "n1", Labels("app=a")).WithAffinity(antiAffinity: Term(Zone, "a")));

        string[] keys = [plain.GroupKey, otherNamespace.GroupKey, terminating.GroupKey];
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(plain.GroupKey, anti1.GroupKey);
        Assert.NotEqual(anti1.AntiAffinityGroupKey, anti2.AntiAffinityGroupKey);
        Assert.Equal(anti1.AntiAffinityGroupKey, PodInfo.Create(Pod("a-5", "n2", Labels("app=a")).WithAffinity(antiAffinity: Term(Hostname, "a"))).AntiAffinityGroupKey);
    }

    [Fact]
    public void AntiAffinity_OverManyGroupedPods_BlocksExactlyTheNodesHoldingAMatch()
    {
        // 3 pods of group a on n1 (each with hostname anti-affinity to a), 2 of group b on n2, nothing on n3.
        var placed = new List<Pod>();
        for (int i = 0; i < 3; i++)
        {
            placed.Add(Pod($"a-{i}", "n1", Labels("app=a")).WithAffinity(antiAffinity: Term(Hostname, "a")));
        }
        placed.Add(Pod("b-0", "n2", Labels("app=b")));
        placed.Add(Pod("b-1", "n2", Labels("app=b")));
        Snapshot snapshot = Snapshot.Create([Node("n1", "z1"), Node("n2", "z1"), Node("n3", "z2")], placed);

        // An "a" pod without terms of its own: blocked on n1 only by the existing pods' terms.
        Dictionary<string, bool> plainA = FilterAll(new AffinityPlugin(), Pod("a-new", labels: Labels("app=a")), snapshot)
            .ToDictionary(p => p.Key, p => p.Value.IsSuccess);
        // A "c" pod with zone anti-affinity to b: blocked in z1 (n1, n2), free in z2.
        Dictionary<string, bool> antiB = FilterAll(new AffinityPlugin(), Pod("c", labels: Labels("app=c")).WithAffinity(antiAffinity: Term(Zone, "b")), snapshot)
            .ToDictionary(p => p.Key, p => p.Value.IsSuccess);

        Assert.Equal(new Dictionary<string, bool> { ["n1"] = false, ["n2"] = true, ["n3"] = true }, plainA);
        Assert.Equal(new Dictionary<string, bool> { ["n1"] = false, ["n2"] = false, ["n3"] = true }, antiB);
    }

    [Fact]
    public void TopologySpread_CountsGroupedPods_AndLeavesTerminatingOnesOut()
    {
        Pod dying = Pod("w-9", "n3", Labels("app=w"));
        dying.Metadata.DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Snapshot snapshot = Snapshot.Create([Node("n1", "z1"), Node("n2", "z2"), Node("n3", "z3")],
            [Pod("w-0", "n1", Labels("app=w")), Pod("w-1", "n1", Labels("app=w")), Pod("w-2", "n2", Labels("app=w")), dying]);
        Pod incoming = Pod("w-new", labels: Labels("app=w")).WithSpread(Zone, maxSkew: 1, "w");

        Dictionary<string, bool> verdicts = FilterAll(new PodTopologySpread(), incoming, snapshot).ToDictionary(p => p.Key, p => p.Value.IsSuccess);

        // Counts z1 = 2, z2 = 1, z3 = 0 (the terminating pod does not count): only z3 keeps the skew within 1.
        Assert.Equal(new Dictionary<string, bool> { ["n1"] = false, ["n2"] = false, ["n3"] = true }, verdicts);
    }
}

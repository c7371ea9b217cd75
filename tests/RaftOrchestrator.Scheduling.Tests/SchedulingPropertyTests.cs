using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Tests;

/// <summary>
/// Random clusters (nodes of a few sizes, some labelled, tainted or cordoned) and random pod streams (requests,
/// node selectors, tolerations, host ports) scheduled through the cache with assume, as the driver will.
/// </summary>
public sealed class SchedulingPropertyTests
{
    public sealed record NodeSpecCase(int Cpu, int MemoryGi, int Pods, int Zone, bool Tainted, bool Cordoned);

    public sealed record PodCase(int CpuMilli, int MemoryMi, int? Zone, bool Tolerates, int? HostPort, bool SpecifiesCpu);

    public sealed record ClusterCase(NodeSpecCase[] Nodes, PodCase[] Pods, int Seed)
    {
        public override string ToString() => $"nodes={Nodes.Length} pods={Pods.Length} seed={Seed}";
    }

    internal static readonly Gen<NodeSpecCase> s_node =
        from cpu in Gen.Elements(1, 2, 4, 8)
        from mem in Gen.Elements(1, 2, 4, 16)
        from pods in Gen.Elements(1, 3, 10, 110)
        from zone in Gen.Choose(0, 2)
        from tainted in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from cordoned in Gen.Frequency((1, Gen.Constant(true)), (8, Gen.Constant(false)))
        select new NodeSpecCase(cpu, mem, pods, zone, tainted, cordoned);

    internal static readonly Gen<PodCase> s_pod =
        from cpu in Gen.Elements(0, 100, 250, 500, 1000, 1500, 3000)
        from mem in Gen.Elements(0, 128, 512, 1024, 3000)
        from zone in Gen.Frequency((1, Gen.Choose(0, 2).Select(z => (int?)z)), (3, Gen.Constant((int?)null)))
        from tolerates in Gen.Elements(true, false)
        from port in Gen.Frequency((1, Gen.Elements(80, 443).Select(p => (int?)p)), (5, Gen.Constant((int?)null)))
        from specifiesCpu in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new PodCase(cpu, mem, zone, tolerates, port, specifiesCpu);

    private static readonly Gen<ClusterCase> s_cluster =
        from nodes in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(s_node, n))
        from pods in Gen.Choose(1, 120).SelectMany(n => Gen.ArrayOf(s_pod, n))
        from seed in Gen.Choose(0, int.MaxValue)
        select new ClusterCase(nodes, pods, seed);

    internal static Node BuildNode(int i, NodeSpecCase n) => Make.Node(
        $"node-{i:D3}", cpu: n.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), memory: $"{n.MemoryGi}Gi",
        pods: n.Pods.ToString(System.Globalization.CultureInfo.InvariantCulture),
        labels: new() { ["zone"] = "z" + n.Zone, ["topology.kubernetes.io/zone"] = "z" + n.Zone },
        taints: n.Tainted ? [Make.Taint("dedicated", "batch", "NoSchedule")] : null,
        unschedulable: n.Cordoned);

    internal static Pod BuildPod(int i, PodCase p)
    {
        Pod pod = Make.Pod($"pod-{i:D4}", p.SpecifiesCpu ? $"{p.CpuMilli}m" : null, p.MemoryMi == 0 ? null : $"{p.MemoryMi}Mi");
        if (p.Zone is int z)
        {
            pod.Spec.NodeSelector = new() { ["zone"] = "z" + z };
        }
        if (p.Tolerates)
        {
            pod.WithTolerations(new Toleration { Key = "dedicated", Operator = "Exists" });
        }
        if (p.HostPort is int port)
        {
            pod.WithHostPort(port);
        }
        return pod;
    }

    private static List<(string Pod, string? Host)> Run(ClusterCase c, Action<SchedulerCache, Snapshot, PodInfo, ScheduleResult>? check = null)
    {
        var cache = new SchedulerCache();
        for (int i = 0; i < c.Nodes.Length; i++)
        {
            cache.AddNode(BuildNode(i, c.Nodes[i]));
        }
        var snapshot = new Snapshot();
        Scheduler scheduler = Make.DefaultScheduler(c.Seed);
        var placements = new List<(string, string?)>();
        var state = new CycleState();
        for (int i = 0; i < c.Pods.Length; i++)
        {
            cache.UpdateSnapshot(snapshot);
            var pod = PodInfo.Create(BuildPod(i, c.Pods[i]));
            state.Reset();
            ScheduleResult result = scheduler.Schedule(state, pod, snapshot);
            check?.Invoke(cache, snapshot, pod, result);
            if (result.SuggestedHost is { } host)
            {
                Assert.True(cache.AssumePod(pod, host));
            }
            placements.Add((pod.Name, result.SuggestedHost));
        }
        return placements;
    }

    [Property(MaxTest = 80)]
    public Property NeverOvercommitsANode() => Prop.ForAll(s_cluster.ToArbitrary(), c =>
    {
        var cache = new SchedulerCache();
        Run(c, (live, _, _, _) => cache = live);
        cache.UpdateSnapshot(new Snapshot());
        for (int i = 0; i < c.Nodes.Length; i++)
        {
            NodeInfo node = cache.GetNodeInfo($"node-{i:D3}")!;
            Assert.True(node.Requested.MilliCpu <= node.Allocatable.MilliCpu, node.ToString());
            Assert.True(node.Requested.Memory <= node.Allocatable.Memory, node.ToString());
            Assert.True(node.Pods.Count <= node.Allocatable.AllowedPodNumber, node.ToString());
            Assert.True(node.UsedPorts.Distinct().Count() == node.UsedPorts.Count, "host port used twice on " + node.Name);
        }
    });

    [Property(MaxTest = 80)]
    public Property AFeasiblePodIsNeverReportedUnschedulable() => Prop.ForAll(s_cluster.ToArbitrary(), c =>
    {
        SchedulingFramework fw = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
        Run(c, (_, snapshot, pod, result) =>
        {
            var probe = new CycleState();
            fw.RunPreFilterPlugins(probe, pod, snapshot);
            bool fitsSomewhere = snapshot.Nodes.Any(n => fw.RunFilterPlugins(probe, pod, n).IsSuccess);
            Assert.Equal(fitsSomewhere, result.IsSuccess);
            if (result.SuggestedHost is { } host)
            {
                Assert.True(fw.RunFilterPlugins(probe, pod, snapshot.Get(host)!).IsSuccess, $"{pod} placed on infeasible {host}");
            }
            else
            {
                Assert.Equal(snapshot.Count, result.FitError!.Diagnosis.NodeToStatus.Count);
            }
        });
    });

    [Property(MaxTest = 40)]
    public Property SameSnapshotAndSeed_SamePlacements() => Prop.ForAll(s_cluster.ToArbitrary(), c =>
        Assert.Equal(Run(c), Run(c)));
}

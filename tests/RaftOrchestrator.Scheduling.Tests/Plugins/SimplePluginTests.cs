using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.QueueSort;
using NodeNamePlugin = RaftOrchestrator.Scheduling.Plugins.NodeName.NodeName;
using NodePortsPlugin = RaftOrchestrator.Scheduling.Plugins.NodePorts.NodePorts;
using UnschedulablePlugin = RaftOrchestrator.Scheduling.Plugins.NodeUnschedulable.NodeUnschedulable;

namespace RaftOrchestrator.Scheduling.Tests.Plugins;

public sealed class SimplePluginTests
{
    [Fact]
    public void NodeName_FitsOnlyTheNamedNode()
    {
        var plugin = new NodeNamePlugin();
        NodeInfo node = Make.NodeInfo(Make.Node("a"));
        Assert.True(plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p")), node).IsSuccess);
        Assert.True(plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p", nodeName: "a")), node).IsSuccess);
        Status s = plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p", nodeName: "b")), node);
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s.Code);
        Assert.Equal(["node(s) didn't match the requested node name"], s.Reasons);
    }

    [Fact]
    public void NodeUnschedulable_RejectsCordonedNodes_UnlessTolerated()
    {
        var plugin = new UnschedulablePlugin();
        NodeInfo cordoned = Make.NodeInfo(Make.Node("a", unschedulable: true));
        Status s = plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p")), cordoned);
        Assert.Equal(StatusCode.UnschedulableAndUnresolvable, s.Code);
        Assert.Equal(["node(s) were unschedulable"], s.Reasons);
        Pod tolerant = Make.Pod("p").WithTolerations(new Toleration { Key = "node.kubernetes.io/unschedulable", Operator = "Exists", Effect = "NoSchedule" });
        Assert.True(plugin.Filter(new CycleState(), PodInfo.Create(tolerant), cordoned).IsSuccess);
        Assert.True(plugin.Filter(new CycleState(), PodInfo.Create(Make.Pod("p")), Make.NodeInfo(Make.Node("b"))).IsSuccess);
    }

    public static TheoryData<int, string?, string?, bool> PortCases => new()
    {
        // against an existing pod on 8080/TCP at 0.0.0.0 and 9090/UDP at 10.0.0.1
        { 8080, null, null, false },
        { 8080, "UDP", null, true },
        { 8080, "TCP", "10.0.0.2", false },
        { 9090, "UDP", "10.0.0.1", false },
        { 9090, "UDP", "10.0.0.2", true },
        { 9090, "UDP", null, false },
        { 9090, "TCP", null, true },
        { 7070, null, null, true },
    };

    [Theory]
    [MemberData(nameof(PortCases))]
    public void NodePorts_Conflicts(int port, string? protocol, string? ip, bool fits)
    {
        Pod existing = Make.Pod("old").WithHostPort(8080);
        existing.Spec.Containers.Add(new Container { Name = "u", Ports = [new ContainerPort { Port = 9090, HostPort = 9090, Protocol = "UDP", HostIP = "10.0.0.1" }] });
        NodeInfo node = Make.NodeInfo(Make.Node("n"), existing);
        var plugin = new NodePortsPlugin();
        PodInfo pod = PodInfo.Create(Make.Pod("p").WithHostPort(port, protocol, ip));
        Assert.True(plugin.PreFilter(new CycleState(), pod, new Snapshot(), out _).IsSuccess);
        Status s = plugin.Filter(new CycleState(), pod, node);
        Assert.Equal(fits, s.IsSuccess);
        if (!fits)
        {
            Assert.Equal(StatusCode.Unschedulable, s.Code);
            Assert.Equal(["node(s) didn't have free ports for the requested pod ports"], s.Reasons);
        }
    }

    [Fact]
    public void NodePorts_SkipsPodsWithoutHostPorts()
    {
        Assert.True(new NodePortsPlugin().PreFilter(new CycleState(), PodInfo.Create(Make.Pod("p")), new Snapshot(), out _).IsSkip);
    }

    [Fact]
    public void PrioritySort_HigherPriorityFirst_ThenEarlierTimestamp()
    {
        var sort = new PrioritySort();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        QueuedPodInfo Q(int priority, int seconds)
        {
            Pod p = Make.Pod("p" + priority + "-" + seconds);
            p.Spec.Priority = priority;
            return new QueuedPodInfo(PodInfo.Create(p), t0.AddSeconds(seconds));
        }
        Assert.True(sort.Less(Q(10, 5), Q(1, 0)));
        Assert.False(sort.Less(Q(1, 0), Q(10, 5)));
        Assert.True(sort.Less(Q(1, 0), Q(1, 5)));
        Assert.False(sort.Less(Q(1, 5), Q(1, 5)));
    }
}

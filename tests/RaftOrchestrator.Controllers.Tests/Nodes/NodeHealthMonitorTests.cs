using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

public sealed class NodeHealthMonitorTests
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Monitor_LeaseRenewedWithoutStatusPosts_NodeStaysReady()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("worker");
        await n.PassAsync();

        await n.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.Equal("True", n.Condition("worker", "Ready").Status);
        Assert.Empty(n.Node("worker").Spec?.Taints ?? []);
    }

    [Fact]
    public async Task Monitor_StatusHeartbeatsWithoutLease_NodeStaysReady()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("worker");
        n.Silence("worker");
        await n.PassAsync();

        for (int i = 0; i < 12; i++)
        {
            n.H.Time.Advance(TimeSpan.FromSeconds(10));
            await n.PostReadyAsync("worker", "True");
            await n.PassAsync();
        }

        Assert.Equal("True", n.Condition("worker", "Ready").Status);
    }

    [Fact]
    public async Task Monitor_SilentPastGracePeriod_ConditionsUnknownAndUnreachableTaints()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.AddNode("dark");
        DateTime heartbeat = n.Condition("dark", "Ready").LastHeartbeatTime!.Value;
        await n.PassAsync();
        n.Silence("dark");

        await n.AdvanceAsync(TimeSpan.FromSeconds(40));
        Assert.Equal("True", n.Condition("dark", "Ready").Status);

        await n.AdvanceAsync(s_step);
        NodeCondition ready = n.Condition("dark", "Ready");
        Assert.Equal(("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal(heartbeat, ready.LastHeartbeatTime);
        Assert.Equal(n.Now.AddTicks(-(n.Now.Ticks % TimeSpan.TicksPerSecond)), ready.LastTransitionTime);
        foreach (string type in new[] { "MemoryPressure", "DiskPressure", "PIDPressure" })
        {
            Assert.Equal("Unknown", n.Condition("dark", type).Status);
        }
        Taint noExecute = n.Node("dark").Spec!.Taints!.Single(t => t.Effect == "NoExecute");
        Assert.Equal(NodeTaints.Unreachable, noExecute.Key);
        Assert.NotNull(noExecute.TimeAdded);
        Assert.True(n.HasTaint("dark", NodeTaints.Unreachable, "NoSchedule"));
        Assert.Equal("True", n.Condition("alive", "Ready").Status);
        Assert.Empty(n.Node("alive").Spec?.Taints ?? []);
        Assert.Single(n.H.Events.WithReason("NodeNotReady"), e => e.Involved.Name == "dark");
    }

    [Fact]
    public async Task Monitor_NeverPostedStatus_UnknownAfterStartupGrace()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.Client.Seed(TestObjects.Node("silent"));
        await n.PassAsync();

        await n.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Null(n.Node("silent").Status?.Conditions);

        await n.AdvanceAsync(s_step);
        NodeCondition ready = n.Condition("silent", "Ready");
        Assert.Equal(("Unknown", "NodeStatusNeverUpdated"), (ready.Status, ready.Reason));
    }

    [Fact]
    public async Task Monitor_ReadyFalse_NotReadyTaintsThenSwappedWhenUnreachable()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.AddNode("sick");
        await n.PassAsync();

        await n.PostReadyAsync("sick", "False");
        await n.AdvanceAsync(s_step);

        Assert.True(n.HasTaint("sick", NodeTaints.NotReady, "NoExecute"));
        Assert.True(n.HasTaint("sick", NodeTaints.NotReady, "NoSchedule"));
        Assert.False(n.HasTaint("sick", NodeTaints.Unreachable, "NoExecute"));

        n.Silence("sick");
        await n.AdvanceAsync(TimeSpan.FromSeconds(45));

        Assert.Equal("Unknown", n.Condition("sick", "Ready").Status);
        Assert.True(n.HasTaint("sick", NodeTaints.Unreachable, "NoExecute"));
        Assert.True(n.HasTaint("sick", NodeTaints.Unreachable, "NoSchedule"));
        Assert.False(n.HasTaint("sick", NodeTaints.NotReady, "NoExecute"));
        Assert.False(n.HasTaint("sick", NodeTaints.NotReady, "NoSchedule"));
    }

    [Fact]
    public async Task Monitor_NodeRecovers_TaintsRemovedAtOnce()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.AddNode("flaky");
        await n.PassAsync();
        n.Silence("flaky");
        await n.AdvanceAsync(TimeSpan.FromSeconds(50));
        Assert.True(n.HasTaint("flaky", NodeTaints.Unreachable, "NoExecute"));

        n.Revive("flaky");
        await n.PostReadyAsync("flaky", "True");
        await n.AdvanceAsync(s_step);

        Assert.Equal("True", n.Condition("flaky", "Ready").Status);
        Assert.Empty(n.Node("flaky").Spec?.Taints ?? []);
    }

    [Fact]
    public async Task Monitor_TenNodesGoDark_TaintedOnePerTenSeconds()
    {
        var n = new NodeLifecycleHarness();
        n.AddNodes(20, "healthy");
        n.AddNodes(10, "dark");
        await n.PassAsync();
        for (int i = 0; i < 10; i++)
        {
            n.Silence($"dark-{i:D2}");
        }

        await n.AdvanceAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(["dark-00"], n.Tainted(NodeTaints.Unreachable));
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(n.HasTaint($"dark-{i:D2}", NodeTaints.Unreachable, "NoSchedule")));

        var counts = new List<int>();
        for (int i = 0; i < 9; i++)
        {
            await n.AdvanceAsync(s_step);
            int half = n.Tainted(NodeTaints.Unreachable).Count;
            await n.AdvanceAsync(s_step);
            counts.Add(half);
            counts.Add(n.Tainted(NodeTaints.Unreachable).Count);
        }

        Assert.Equal([1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10], counts);
        Assert.Equal(ZoneState.Normal, n.Monitor.ZoneStates[""]);
    }

    [Fact]
    public async Task Monitor_EveryNodeDark_NoNoExecuteTaintsAndExistingOnesRemoved()
    {
        var n = new NodeLifecycleHarness();
        n.AddNodes(4);
        await n.PassAsync();
        n.Silence("node-00");
        await n.AdvanceAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(["node-00"], n.Tainted(NodeTaints.Unreachable));

        for (int i = 1; i < 4; i++)
        {
            n.Silence($"node-{i:D2}");
        }
        await n.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.All(n.Client.Objects<Node>(), node => Assert.Equal("Unknown", NodeReadiness.ReadyStatus(node)));
        Assert.Empty(n.Tainted(NodeTaints.Unreachable));
        Assert.Equal(ZoneState.FullDisruption, n.Monitor.ZoneStates[""]);
    }

    [Fact]
    public async Task Monitor_OneZoneFullyDarkOthersHealthy_ZoneTaintedAtNormalRate()
    {
        var n = new NodeLifecycleHarness();
        n.AddNodes(3, "a", zone: "zone-a");
        n.AddNodes(3, "b", zone: "zone-b");
        await n.PassAsync();
        for (int i = 0; i < 3; i++)
        {
            n.Silence($"a-{i:D2}");
        }

        await n.AdvanceAsync(TimeSpan.FromSeconds(45));
        Assert.Single(n.Tainted(NodeTaints.Unreachable));
        await n.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["a-00", "a-01", "a-02"], n.Tainted(NodeTaints.Unreachable));
        Assert.Equal(ZoneState.FullDisruption, n.Monitor.ZoneStates[NodeZones.KeyOf(n.Node("a-00"))]);
        Assert.Equal(ZoneState.Normal, n.Monitor.ZoneStates[NodeZones.KeyOf(n.Node("b-00"))]);
    }

    [Fact]
    public async Task Monitor_SmallZonePartiallyDisrupted_TaintingStops()
    {
        var n = new NodeLifecycleHarness();
        n.AddNodes(10);
        await n.PassAsync();
        for (int i = 0; i < 6; i++)
        {
            n.Silence($"node-{i:D2}");
        }

        await n.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(ZoneState.PartialDisruption, n.Monitor.ZoneStates[""]);
        Assert.Empty(n.Tainted(NodeTaints.Unreachable));
        Assert.Equal(6, n.Monitor.QueuedForTainting);
        Assert.All(Enumerable.Range(0, 6), i => Assert.True(n.HasTaint($"node-{i:D2}", NodeTaints.Unreachable, "NoSchedule")));
    }

    [Fact]
    public async Task Monitor_NodeGoesDark_ItsReadyPodsMarkedNotReady()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.AddNode("dark");
        Pod onDark = ReadyPod("web-1", "dark");
        Pod onAlive = ReadyPod("web-2", "alive");
        n.Client.Seed(onDark);
        n.Client.Seed(onAlive);
        await n.PassAsync();
        n.Silence("dark");

        await n.AdvanceAsync(TimeSpan.FromSeconds(45));

        Assert.Equal("False", PodReady(n, "web-1").Status);
        Assert.Equal("True", PodReady(n, "web-2").Status);
        Assert.Single(n.H.Events.WithReason("NodeNotReady"), e => e.Involved.Name == "web-1");
    }

    [Fact]
    public async Task Monitor_AgentClockSkewed_OnlyChangesOfHeartbeatsCount()
    {
        var n = new NodeLifecycleHarness();
        n.AddNode("alive");
        n.AddNode("skewed");
        n.Silence("skewed");
        await n.PassAsync();
        var lease = n.Client.Objects<Api.Coordination.Lease>(NodeHealthMonitor.NodeLeaseNamespace).Single(l => l.Metadata.Name == "skewed");

        for (int i = 0; i < 24; i++)
        {
            n.H.Time.Advance(s_step);
            await n.RenewAsync("alive");
            lease.Spec!.RenewTime = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 5);
            lease = (await n.Client.Resource<Api.Coordination.Lease>().UpdateAsync(lease, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
            await n.PassAsync();
        }

        Assert.Equal("True", n.Condition("skewed", "Ready").Status);
    }

    [Fact]
    public async Task Monitor_SilentNodeRelabelledIntoANewZone_TaintedThere()
    {
        var n = new NodeLifecycleHarness();
        n.AddNodes(2, "a", zone: "zone-a");
        n.AddNode("mover", zone: "zone-a");
        n.AddNode("b", zone: "zone-b");
        await n.PassAsync();
        n.Silence("mover");
        Node node = n.Node("mover");
        node.Metadata.Labels![NodeZones.ZoneLabel] = "zone-c";
        (await n.Client.Resource<Node>().UpdateAsync(node, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();

        await n.AdvanceAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(["mover"], n.Tainted(NodeTaints.Unreachable));
        Assert.Equal(ZoneState.FullDisruption, n.Monitor.ZoneStates[NodeZones.KeyOf(n.Node("mover"))]);
    }

    private static Pod ReadyPod(string name, string node)
    {
        Pod pod = TestObjects.Pod("default", name, nodeName: node);
        pod.Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Ready", Status = "True" }] };
        return pod;
    }

    private static PodCondition PodReady(NodeLifecycleHarness n, string pod) =>
        n.Client.Objects<Pod>("default").Single(p => p.Metadata.Name == pod).Status.Conditions!.Single(c => c.Type == "Ready");
}

using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Nodes;

public sealed class NodeHeartbeatTests
{
    private static Lease? LeaseOf(AgentHarness h) => h.Client.Objects<Lease>("kube-node-lease") is [Lease first, ..] ? first : null;

    [Fact]
    public async Task Lease_CreatedHeldOwnedAndRenewedEveryTenSeconds()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await AgentHarness.EventuallyAsync(() => LeaseOf(h) is not null, "the lease created");

        Lease lease = LeaseOf(h)!;
        Assert.Equal(AgentHarness.NodeName, lease.Metadata.Name);
        Assert.Equal(AgentHarness.NodeName, lease.Spec!.HolderIdentity);
        Assert.Equal(40, lease.Spec.LeaseDurationSeconds);
        Assert.Equal(TestClock.Start.UtcDateTime, lease.Spec.RenewTime);
        Node node = h.Client.Objects<Node>().Single();
        Api.Meta.OwnerReference owner = Assert.Single(lease.Metadata.OwnerReferences!);
        Assert.Equal(("v1", "Node", AgentHarness.NodeName, node.Metadata.Uid), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));

        // Renewed every 10 s from when the last renewal finished (the loop's wait may start a clock step late).
        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Equal(TestClock.Start.UtcDateTime, LeaseOf(h)!.Spec!.RenewTime);
        await h.AdvanceUntilAsync(() => LeaseOf(h)!.Spec!.RenewTime > TestClock.Start.UtcDateTime, TimeSpan.FromSeconds(3), "renewed at about 10 s");
        DateTime second = LeaseOf(h)!.Spec!.RenewTime!.Value;
        Assert.InRange(second, TestClock.Start.UtcDateTime.AddSeconds(10), TestClock.Start.UtcDateTime.AddSeconds(11));
        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Equal(second, LeaseOf(h)!.Spec!.RenewTime);
        await h.AdvanceUntilAsync(() => LeaseOf(h)!.Spec!.RenewTime > second, TimeSpan.FromSeconds(3), "renewed again 10 s later");
        Assert.InRange(LeaseOf(h)!.Spec!.RenewTime!.Value - second, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        Assert.Equal(3, h.Agent.Lease!.Renewals);
    }

    [Fact]
    public async Task Lease_UpdateFails_ReadAgainAndRetriedSoon()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await AgentHarness.EventuallyAsync(() => LeaseOf(h) is not null, "the lease created");
        h.Client.FailNext(InMemoryVerb.Update, new Api.Meta.Status { Code = 503, Reason = "ServiceUnavailable" }, resource: "leases");

        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.AdvanceAsync(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(100));

        await AgentHarness.EventuallyAsync(() => LeaseOf(h)!.Spec!.RenewTime > TestClock.Start.UtcDateTime.AddSeconds(10), "renewed 200 ms after the failure");
        Assert.Equal([503, 200], h.Client.Actions.Where(a => a.Resource == "leases" && a.Verb == InMemoryVerb.Update).Select(a => a.Code));
    }

    [Fact]
    public async Task NodeStatus_Unchanged_WrittenOnlyAtReportFrequency()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await AgentHarness.SettleAsync();
        h.Client.ClearActions();

        await h.AdvanceAsync(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(10));
        await AgentHarness.SettleAsync();
        Assert.Empty(h.Client.Writes(InMemoryVerb.UpdateStatus, "nodes"));

        await h.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await AgentHarness.EventuallyAsync(() => h.Client.Writes(InMemoryVerb.UpdateStatus, "nodes").Count == 1, "one report after a minute");
        Assert.Equal(TestClock.Start.UtcDateTime.AddMinutes(1), h.Client.Objects<Node>().Single().Status!.Conditions!.Find(c => c.Type == "Ready")!.LastHeartbeatTime);
        Assert.Equal(TestClock.Start.UtcDateTime, h.Client.Objects<Node>().Single().Status!.Conditions!.Find(c => c.Type == "Ready")!.LastTransitionTime);
    }

    [Fact]
    public async Task NodeStatus_MarkedUnknownByController_ReadyAgainAtNextUpdate()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Node node = h.Client.Objects<Node>().Single();
        foreach (NodeCondition condition in node.Status!.Conditions!)
        {
            condition.Status = "Unknown";
            condition.Reason = "NodeStatusUnknown";
        }
        (await h.Client.Resource<Node>().UpdateStatusAsync(node, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        h.Events.Clear();

        await h.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        await AgentHarness.EventuallyAsync(() => h.Client.Objects<Node>().Single().Status!.Conditions!.Find(c => c.Type == "Ready")!.Status == "True", "Ready again within 10 s");
        NodeCondition ready = h.Client.Objects<Node>().Single().Status!.Conditions!.Find(c => c.Type == "Ready")!;
        Assert.Equal(TestClock.Start.UtcDateTime.AddSeconds(10), ready.LastTransitionTime);
        Assert.Contains(h.Events.Events, e => e.Reason == "NodeReady");
    }

    [Fact]
    public async Task NodeStatus_NodeDeleted_RegisteredAgain()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await h.Client.Resource<Node>().DeleteAsync(null, AgentHarness.NodeName, cancellationToken: TestContext.Current.CancellationToken);

        await h.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        await AgentHarness.EventuallyAsync(() => h.Client.Objects<Node>().Count == 1, "registered again");
    }
}

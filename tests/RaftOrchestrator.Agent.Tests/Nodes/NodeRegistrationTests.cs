using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Nodes;

public sealed class NodeRegistrationTests
{
    [Fact]
    public async Task Register_NewNode_CreatedWithLabelsCapacityConditionsAndNodeInfo()
    {
        await using var h = new AgentHarness(o => o with { Labels = new Dictionary<string, string> { ["zone"] = "a" } });
        await h.StartAsync();

        Node node = Assert.Single(h.Client.Objects<Node>());
        Assert.Equal(AgentHarness.NodeName, node.Metadata.Name);
        Dictionary<string, string> labels = node.Metadata.Labels!;
        Assert.Equal(AgentHarness.NodeName, labels["kubernetes.io/hostname"]);
        Assert.Equal("linux", labels["kubernetes.io/os"]);
        Assert.Equal("amd64", labels["kubernetes.io/arch"]);
        Assert.Equal("linux", labels["beta.kubernetes.io/os"]);
        Assert.Equal("amd64", labels["beta.kubernetes.io/arch"]);
        Assert.Equal("a", labels["zone"]);

        NodeStatus status = node.Status!;
        Assert.Equal("4", status.Capacity!["cpu"].Text);
        Assert.Equal("8388608Ki", status.Capacity["memory"].Text);
        Assert.Equal("110", status.Capacity["pods"].Text);
        Assert.Equal("104857600Ki", status.Capacity["ephemeral-storage"].Text);
        Assert.Equal("8286208Ki", status.Allocatable!["memory"].Text); // less the 100Mi eviction threshold
        Assert.Equal("96636764160", status.Allocatable["ephemeral-storage"].Text); // less nodefs.available 10%
        Assert.Equal(["InternalIP=192.0.2.10", $"Hostname={AgentHarness.NodeName}"], status.Addresses!.Select(a => $"{a.Type}={a.Address}"));
        Assert.Equal(10250, status.DaemonEndpoints!.KubeletEndpoint!.Port);
        Assert.Equal("process://0.1.0", status.NodeInfo!.ContainerRuntimeVersion);
        Assert.Equal("v1.32.4-rorch", status.NodeInfo.KubeletVersion);
        Assert.Equal("6.1.0", status.NodeInfo.KernelVersion);

        Assert.Equal(
            ["MemoryPressure=False/KubeletHasSufficientMemory", "DiskPressure=False/KubeletHasNoDiskPressure", "PIDPressure=False/KubeletHasSufficientPID", "Ready=True/KubeletReady"],
            status.Conditions!.Select(c => $"{c.Type}={c.Status}/{c.Reason}"));
        Assert.Equal("kubelet is posting ready status", status.Conditions![3].Message);
        Assert.All(status.Conditions, c => Assert.Equal(TestClock.Start.UtcDateTime, c.LastHeartbeatTime));

        Assert.Contains(h.Events.Events, e => e.Reason == "Starting" && e.Message == "Starting kubelet.");
        Assert.Contains(h.Events.Events, e => e.Reason == "NodeReady" && e.Message == $"Node {AgentHarness.NodeName} status is now: NodeReady");
        Assert.Contains(h.Events.Events, e => e.Reason == "NodeHasSufficientMemory");
    }

    [Fact]
    public async Task Register_ExistingNode_DefaultLabelsFixedTaintsAndOtherLabelsKept()
    {
        await using var h = new AgentHarness();
        Node existing = TestObjects.Node(AgentHarness.NodeName, new Dictionary<string, string> { ["kubernetes.io/os"] = "windows", ["team"] = "x" });
        existing.Spec = new NodeSpec { Taints = [new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }] };
        existing.Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "Unknown", Reason = "NodeStatusUnknown" }] };
        h.Client.Seed(existing);

        await h.StartAsync();
        await AgentHarness.EventuallyAsync(
            () => h.Client.Objects<Node>().Single().Status?.Conditions?.Find(c => c.Type == "Ready")?.Status == "True",
            "the existing node's status is updated to Ready at once");

        Node node = h.Client.Objects<Node>().Single();
        Assert.Equal("linux", node.Metadata.Labels!["kubernetes.io/os"]);
        Assert.Equal("x", node.Metadata.Labels["team"]);
        Assert.Equal("dedicated", Assert.Single(node.Spec!.Taints!).Key);
        Assert.Equal("true", node.Metadata.Annotations!["volumes.kubernetes.io/controller-managed-attach-detach"]);
    }

    [Fact]
    public async Task Register_WithTaints_TaintsOnlyAtCreation()
    {
        await using var h = new AgentHarness(o => o with { RegisterWithTaints = [new Taint { Key = "example.com/special", Effect = "NoSchedule" }] });
        await h.StartAsync();

        Node node = h.Client.Objects<Node>().Single();
        Assert.Equal("example.com/special", Assert.Single(node.Spec!.Taints!).Key);
    }

    [Fact]
    public async Task Register_ServerUnavailable_RetriedWithBackoff()
    {
        await using var h = new AgentHarness();
        h.Client.FailNext(InMemoryVerb.Create, new Api.Meta.Status { Code = 503, Reason = "ServiceUnavailable", Message = "no leader" }, count: 2, resource: "nodes");

        Task start = h.StartAsync();
        // The back-off waits 100 ms, then 200 ms, on the fake clock: step it until the third attempt registers.
        for (int step = 0; step < 200 && !start.IsCompleted; step++)
        {
            await h.AdvanceAsync(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        }
        await start;
        Assert.InRange(h.Time.GetUtcNow() - TestClock.Start, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

        Assert.Equal([503, 503, 200], h.Client.Actions.Where(a => a.Verb == InMemoryVerb.Create && a.Resource == "nodes").Select(a => a.Code));
    }
}

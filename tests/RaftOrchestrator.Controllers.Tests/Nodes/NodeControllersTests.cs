using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

/// <summary>Which keys the two controllers' informer handlers queue.</summary>
public sealed class NodeControllersTests
{
    [Fact]
    public async Task Handlers_NodeChangesAndPodBinding_QueueNodesAndBoundPods()
    {
        var n = new NodeLifecycleHarness();
        Pod unbound = TestObjects.Pod("default", "a");
        Pod bound = TestObjects.Pod("default", "a", nodeName: "worker");
        Node node = TestObjects.Node("worker");

        n.H.Informers.Get<Node>().Added(node);
        n.H.Informers.Get<Pod>().Added(unbound);
        n.H.Informers.Get<Pod>().Updated(unbound, bound);
        n.H.Informers.Get<Pod>().Updated(bound, bound);

        Assert.Equal([new ObjectKey(null, "worker")], await n.H.DrainAsync(NodeLifecycleController.ControllerName));
        Assert.Equal([new ObjectKey("default", "a")], await n.H.DrainAsync(NodeLifecycleController.PodQueueName));
    }

    [Fact]
    public async Task Handlers_NoExecuteTaintsChange_QueueThePodsOfTheNode()
    {
        var n = new NodeLifecycleHarness();
        n.Client.Seed(TestObjects.Node("worker"));
        n.Client.Seed(TestObjects.Pod("default", "on-worker", nodeName: "worker"));
        n.Client.Seed(TestObjects.Pod("default", "elsewhere", nodeName: "other"));
        Node clean = n.Node("worker");
        Node tainted = n.Node("worker");
        tainted.Spec = new NodeSpec { Taints = [new Taint { Key = NodeTaints.Unreachable, Effect = "NoExecute" }] };
        Node heartbeat = n.Node("worker");
        heartbeat.Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] };

        n.H.Informers.Get<Node>().Updated(clean, heartbeat);
        Assert.Empty(await n.H.DrainAsync(TaintEvictionController.ControllerName));

        n.H.Informers.Get<Node>().Updated(clean, tainted);
        Assert.Equal([new ObjectKey("default", "on-worker")], await n.H.DrainAsync(TaintEvictionController.ControllerName));
    }
}

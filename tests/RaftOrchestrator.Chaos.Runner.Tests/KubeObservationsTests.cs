using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Traffic;

namespace RaftOrchestrator.Chaos.Runner.Tests;

public sealed class KubeObservationsTests
{
    [Fact]
    public void A_pod_is_reduced_to_uid_node_requests_readiness_and_its_deployment()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Uid = "u1", Namespace = "chaos", Name = "chaos-0-abc", Labels = new() { ["app"] = "chaos-0" }, DeletionTimestamp = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            Spec = new PodSpec
            {
                NodeName = "sim-3",
                Containers =
                [
                    new Container { Name = "a", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "100m", ["memory"] = "128Mi" } } },
                    new Container { Name = "b", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "1" } } },
                ],
            },
            Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Ready", Status = "True" }] },
        };
        PodObservation o = KubeObservations.Pod(pod);
        Assert.Equal(new PodObservation("u1", "chaos", "chaos-0-abc", "sim-3", 1100, 128L << 20, Ready: true, Terminal: false, Terminating: true, Deployment: "chaos/chaos-0"), o);
    }

    [Fact]
    public void A_node_is_reduced_to_its_allocatable()
    {
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = "sim-0" },
            Status = new NodeStatus { Allocatable = new() { ["cpu"] = "32", ["memory"] = "256Gi", ["pods"] = "110" } },
        };
        Assert.Equal(new NodeObservation("sim-0", 32_000, 256L << 30, 110), KubeObservations.Node(node));
    }

    [Fact]
    public void Converged_means_exactly_the_spec_count_of_active_ready_bound_pods()
    {
        DeploymentObservation d = new("chaos", "chaos-0", 2);
        PodObservation Ready(string uid) => new(uid, "chaos", uid, "sim-0", 100, 1, Ready: true, Deployment: "chaos/chaos-0");
        Assert.True(KubeObservations.Converged(new ClusterSnapshot(5, [], [Ready("a"), Ready("b"), Ready("c") with { Terminating = true }], [d])));
        Assert.False(KubeObservations.Converged(new ClusterSnapshot(5, [], [Ready("a")], [d])));
        Assert.False(KubeObservations.Converged(new ClusterSnapshot(5, [], [Ready("a"), Ready("b") with { Ready = false }], [d])));
        Assert.False(KubeObservations.Converged(new ClusterSnapshot(5, [], [Ready("a"), Ready("b"), Ready("c")], [d])));
    }
}

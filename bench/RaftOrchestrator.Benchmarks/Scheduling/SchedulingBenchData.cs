using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Benchmarks.Scheduling;

/// <summary>
/// scheduler_perf's shapes: nodes of 4 cpu, 32Gi, 110 pods (node-default.yaml) spread over three zones, pods
/// requesting 100m cpu and 500Mi (pod-default.yaml), and a node-affinity pod that requires one zone and prefers
/// a label half the nodes carry.
/// </summary>
internal static class SchedulingBenchData
{
    public const int Zones = 3;

    public static Node Node(int i) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"node-{i:D5}"),
            Labels = new Dictionary<string, string>
            {
                ["kubernetes.io/hostname"] = string.Create(CultureInfo.InvariantCulture, $"node-{i:D5}"),
                ["topology.kubernetes.io/zone"] = string.Create(CultureInfo.InvariantCulture, $"zone-{i % Zones}"),
                ["disk"] = i % 2 == 0 ? "ssd" : "hdd",
            },
        },
        Spec = new NodeSpec(),
        Status = new NodeStatus
        {
            Allocatable = new Dictionary<string, Quantity> { ["cpu"] = "4", ["memory"] = "32Gi", ["pods"] = "110" },
        },
    };

    public static Pod Pod(int i) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"pod-{i:D6}"),
            Namespace = "sched-test",
            Uid = string.Create(CultureInfo.InvariantCulture, $"uid-{i:D6}"),
        },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "pause",
                    Image = "registry.k8s.io/pause:3.10",
                    Resources = new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["cpu"] = "100m", ["memory"] = "500Mi" } },
                },
            ],
        },
    };

    public static Pod AffinityPod(int i)
    {
        Pod pod = Pod(i);
        pod.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = [new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "topology.kubernetes.io/zone", Operator = "In", Values = ["zone-1"] }] }],
                },
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new PreferredSchedulingTerm { Weight = 50, Preference = new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "disk", Operator = "In", Values = ["ssd"] }] } },
                ],
            },
        };
        return pod;
    }
}

using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench.Tests;

public sealed class PodBodiesTests
{
    private static PodShape Shape() => new()
    {
        Count = 6,
        InitCount = 2,
        Namespaces = 2,
        Groups = 3,
        Template = JsonNode.Parse("""
            {"metadata":{"generateName":"x-","labels":{"color":"{{group}}"}},
             "spec":{"containers":[{"name":"c","image":"i"}],
                     "affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
                       {"labelSelector":{"matchLabels":{"color":"{{group}}"}},"topologyKey":"kubernetes.io/hostname"}]}}}}
            """)!.AsObject(),
    };

    [Fact]
    public void Build_NamesNamespacesAndGroupsEachPod()
    {
        Pod[] pods = [.. PodBodies.Build(Shape(), init: false).Select(b => ApiMessagePack.Deserialize<Pod>(b))];

        Assert.Equal(6, pods.Length);
        Pod fifth = pods[5];
        Assert.Equal(("pod-000005", "sched-1", "g2"), (fifth.Metadata.Name, fifth.Metadata.Namespace, fifth.Metadata.Labels!["color"]));
        Assert.Equal("g2", fifth.Spec.Affinity!.PodAntiAffinity!.RequiredDuringSchedulingIgnoredDuringExecution![0].LabelSelector!.MatchLabels!["color"]);
        Assert.Null(fifth.Metadata.GenerateName);
        Assert.Equal(("v1", "Pod"), (fifth.ApiVersion, fifth.Kind));
        Assert.Equal([0, 1, 2, 3, 4, 5], pods.Select(p => PodBodies.IndexOf(p.Metadata.Name)));
    }

    [Fact]
    public void Build_InitPods_AreNotMeasuredPods()
    {
        Pod[] init = [.. PodBodies.Build(Shape(), init: true).Select(b => ApiMessagePack.Deserialize<Pod>(b))];

        Assert.Equal(["init-000000", "init-000001"], init.Select(p => p.Metadata.Name));
        Assert.All(init, p => Assert.Equal(-1, PodBodies.IndexOf(p.Metadata.Name)));
    }
}

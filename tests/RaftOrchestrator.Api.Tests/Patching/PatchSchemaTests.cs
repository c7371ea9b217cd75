using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Tests.Patching.TestModels;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class PatchSchemaTests
{
    [Fact]
    public void For_PodShape_ReadsMergeKeysStrategiesAndNames()
    {
        PatchSchema pod = PatchSchema.For<TestPod>();
        PatchSchema containers = pod.Fields["spec"].Fields["containers"];
        PatchSchema deployment = PatchSchema.For<TestDeployment>();

        Assert.Equal("name", containers.MergeKey);
        Assert.Equal("containerPort", containers.Elements!.Fields["ports"].MergeKey);
        Assert.Equal("mountPath", containers.Elements.Fields["volumeMounts"].MergeKey);
        Assert.True(containers.Elements.Fields["args"].IsAtomicList);
        Assert.True(pod.Fields["metadata"].Fields["finalizers"].MergeSet);
        Assert.Equal(PatchSchemaKind.Map, pod.Fields["metadata"].Fields["labels"].Kind);
        Assert.Equal(PatchSchemaKind.Scalar, containers.Elements.Fields["limits"].Elements!.Kind);
        Assert.True(pod.Fields["spec"].Fields["volumes"].Elements!.RetainKeys);
        Assert.Null(pod.Fields["spec"].Fields["volumes"].Elements!.Member("emptyDir"));
        Assert.True(deployment.Fields["spec"].Fields["strategy"].RetainKeys);
        Assert.False(deployment.Fields["spec"].Fields["template"].RetainKeys);
        Assert.True(deployment.Fields["spec"].Fields.ContainsKey("minReadySeconds"));
        Assert.False(deployment.Fields["spec"].Fields.ContainsKey("hidden"));
    }

    [Fact]
    public void For_SameType_IsBuiltOnceAndShared()
    {
        Type podType = typeof(TestPod);
        Assert.Same(PatchSchema.For<TestPod>(), PatchSchema.For(podType));
        Assert.Same(PatchSchema.For<TestMeta>(), PatchSchema.For<TestDeployment>().Fields["metadata"]);
    }
}

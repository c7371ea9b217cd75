using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Tests;

public sealed class ObjectCopyTests
{
    [Fact]
    public void Clone_IsDeep_ChangingTheCopyLeavesTheOriginal()
    {
        var pod = new Pod { Metadata = new ObjectMeta { Name = "a", Labels = new() { ["app"] = "x" } } };
        Pod copy = ObjectCopy.Clone(pod);
        copy.Metadata.Labels!["app"] = "y";
        Assert.Equal("x", pod.Metadata.Labels["app"]);
        Assert.Equal("a", copy.Metadata.Name);
    }
}

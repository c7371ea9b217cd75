using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Tests.Registration;

public sealed class ApiCatalogWorkloadsTests
{
    [Theory]
    [InlineData("", "pods", "po", typeof(Pod), "status,binding,eviction,log,exec")]
    [InlineData("", "replicationcontrollers", "rc", typeof(ReplicationController), "status,scale")]
    [InlineData("apps", "deployments", "deploy", typeof(Deployment), "status,scale")]
    [InlineData("apps", "replicasets", "rs", typeof(ReplicaSet), "status,scale")]
    public void Find_Workload_RegisteredWithNamesCategoryAndSubresources(string group, string plural, string shortName, Type type, string subresources)
    {
        ResourceDescriptor? descriptor = ApiCatalog.Default.Find(group, plural);

        Assert.NotNull(descriptor);
        Assert.Equal(type, descriptor.ObjectType);
        Assert.True(descriptor.Namespaced);
        Assert.Equal([shortName], descriptor.ShortNames);
        Assert.Equal(["all"], descriptor.Categories);
        Assert.Equal(subresources, string.Join(",", descriptor.Subresources));
        Assert.Equal($"/registry/{plural}/ns/x", descriptor.Key("ns", "x"));
    }

    [Fact]
    public void FindKind_AppsDeployment_Found() =>
        Assert.Equal("deployments", ApiCatalog.Default.FindKind("apps/v1", "Deployment")?.Plural);
}

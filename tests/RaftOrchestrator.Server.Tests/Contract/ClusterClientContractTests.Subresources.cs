using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Server.Tests.Contract;

public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task PostSubresource_PodBinding_AssignsTheNodeOnce()
    {
        string ns = await NamespaceAsync("binding");
        await CreatedAsync(PodOf(ns, "p"));
        var binding = new Binding { Metadata = new ObjectMeta { Namespace = ns, Name = "p" }, Target = new ObjectReference { Kind = "Node", Name = "node-a" } };
        IResourceClient<Pod> pods = Client.Resource<Pod>();

        ApiResult<Status> bound = await pods.PostSubresourceAsync<Binding, Status>(ns, "p", "binding", binding, Ct);
        ApiResult<Status> again = await pods.PostSubresourceAsync<Binding, Status>(ns, "p", "binding", binding, Ct);
        ApiResult<Status> missing = await pods.PostSubresourceAsync<Binding, Status>(ns, "no-such-pod", "binding", binding, Ct);

        Assert.True(bound.IsOk, bound.ToString());
        Assert.Equal("Success", bound.Value.Outcome);
        Assert.Equal("node-a", (await pods.GetAsync(ns, "p", Ct)).Unwrap().Spec.NodeName);
        Assert.True(again.IsConflict, again.ToString());
        Assert.True(missing.IsNotFound, missing.ToString());
    }
}

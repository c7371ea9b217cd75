using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Server.Tests.Contract;

public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task Delete_ReturnsTheObject_ThenASecondDeleteIsNotFound()
    {
        string ns = await NamespaceAsync("delete");
        ConfigMap created = await CreatedAsync(Map(ns, "doomed"));

        ApiResult<ConfigMap> deleted = await Client.Resource<ConfigMap>().DeleteAsync(ns, "doomed", cancellationToken: Ct);
        ApiResult<ConfigMap> again = await Client.Resource<ConfigMap>().DeleteAsync(ns, "doomed", cancellationToken: Ct);
        ApiResult<ConfigMap> read = await Client.Resource<ConfigMap>().GetAsync(ns, "doomed", Ct);

        Assert.True(deleted.IsOk, deleted.ToString());
        Assert.Equal(created.Metadata.Uid, deleted.Value.Metadata.Uid);
        Assert.Equal("v", deleted.Value.Data!["k"]);
        Assert.True(again.IsNotFound, again.ToString());
        Assert.True(read.IsNotFound, read.ToString());
    }

    [Fact]
    public async Task Delete_WithPreconditionOfAnotherUid_IsConflict()
    {
        string ns = await NamespaceAsync("delete-uid");
        await CreatedAsync(Map(ns, "kept"));

        ApiResult<ConfigMap> refused = await Client.Resource<ConfigMap>().DeleteAsync(ns, "kept",
            new DeleteOptions { Preconditions = new Preconditions { Uid = "00000000-0000-0000-0000-000000000000" } }, Ct);

        Assert.True(refused.IsConflict, refused.ToString());
        Assert.True((await Client.Resource<ConfigMap>().GetAsync(ns, "kept", Ct)).IsOk);
    }

    [Fact]
    public async Task Delete_WithFinalizer_LeavesItMarked_UntilTheFinalizerIsRemoved()
    {
        string ns = await NamespaceAsync("finalizer");
        ConfigMap value = Map(ns, "held");
        value.Metadata.Finalizers = ["contract.test/hold"];
        await CreatedAsync(value);

        ApiResult<ConfigMap> deleted = await Client.Resource<ConfigMap>().DeleteAsync(ns, "held", cancellationToken: Ct);
        ApiResult<ConfigMap> marked = await Client.Resource<ConfigMap>().GetAsync(ns, "held", Ct);
        ApiResult<ConfigMap> released = await Client.Resource<ConfigMap>().PatchAsync(ns, "held", Patch.MergeJson("""{"metadata":{"finalizers":null}}"""), cancellationToken: Ct);
        ApiResult<ConfigMap> gone = await Client.Resource<ConfigMap>().GetAsync(ns, "held", Ct);

        Assert.True(deleted.IsOk, deleted.ToString());
        Assert.NotNull(deleted.Value.Metadata.DeletionTimestamp);
        Assert.True(marked.IsOk, marked.ToString());
        Assert.NotNull(marked.Value.Metadata.DeletionTimestamp);
        Assert.Equal(["contract.test/hold"], marked.Value.Metadata.Finalizers!);
        Assert.True(released.IsOk, released.ToString());
        Assert.True(gone.IsNotFound, gone.ToString());
    }
}

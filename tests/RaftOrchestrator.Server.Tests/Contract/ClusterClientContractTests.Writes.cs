using System.Text;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Server.Tests.Contract;

public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task Create_Existing_IsAlreadyExists()
    {
        string ns = await NamespaceAsync("exists");
        await CreatedAsync(Map(ns, "taken"));

        ApiResult<ConfigMap> again = await Client.Resource<ConfigMap>().CreateAsync(Map(ns, "taken"), cancellationToken: Ct);

        Assert.True(again.IsAlreadyExists, again.ToString());
        Assert.Equal(409, again.Code);
        Assert.False(again.IsConflict);
    }

    [Fact]
    public async Task Update_WithCurrentThenStaleResourceVersion_SucceedsThenIsConflict()
    {
        string ns = await NamespaceAsync("update");
        ConfigMap created = await CreatedAsync(Map(ns, "cm"));
        created.Data = new() { ["k"] = "v2" };

        ApiResult<ConfigMap> updated = await Client.Resource<ConfigMap>().UpdateAsync(created, cancellationToken: Ct);
        created.Data = new() { ["k"] = "v3" };
        ApiResult<ConfigMap> stale = await Client.Resource<ConfigMap>().UpdateAsync(created, cancellationToken: Ct);
        ConfigMap read = (await Client.Resource<ConfigMap>().GetAsync(ns, "cm", Ct)).Unwrap();

        Assert.True(updated.IsOk, updated.ToString());
        Assert.True(Revision(updated.Value.Metadata.ResourceVersion) > Revision(created.Metadata.ResourceVersion));
        Assert.True(stale.IsConflict, stale.ToString());
        Assert.Equal("v2", read.Data!["k"]);
        Assert.Equal(updated.Value.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task UpdateStatus_ChangesOnlyTheStatus()
    {
        string ns = await NamespaceAsync("status");
        Pod created = await CreatedAsync(PodOf(ns, "p"));
        created.Status = new PodStatus { Phase = "Running", Message = "up" };
        created.Metadata.Labels = new() { ["ignored"] = "yes" };
        created.Spec.Containers[0].Image = "busybox:2";

        ApiResult<Pod> updated = await Client.Resource<Pod>().UpdateStatusAsync(created, cancellationToken: Ct);
        Pod read = (await Client.Resource<Pod>().GetAsync(ns, "p", Ct)).Unwrap();

        Assert.True(updated.IsOk, updated.ToString());
        Assert.Equal("Running", read.Status.Phase);
        Assert.Equal("up", read.Status.Message);
        Assert.Null(read.Metadata.Labels);
        Assert.Equal("busybox:1", read.Spec.Containers[0].Image);
        Assert.True(Revision(read.Metadata.ResourceVersion) > Revision(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Patch_MergeAndStatusSubresource_ChangeWhatTheyName()
    {
        string ns = await NamespaceAsync("patch-merge");
        await CreatedAsync(Map(ns, "cm", data: new() { ["a"] = "1", ["b"] = "2" }));
        await CreatedAsync(PodOf(ns, "p"));

        ApiResult<ConfigMap> merged = await Client.Resource<ConfigMap>().PatchAsync(ns, "cm", Patch.MergeJson("""{"data":{"b":null,"c":"3"}}"""), cancellationToken: Ct);
        ApiResult<Pod> status = await Client.Resource<Pod>().PatchAsync(ns, "p", Patch.MergeJson("""{"status":{"phase":"Pending","message":"patched"}}""", "status"), cancellationToken: Ct);

        Assert.True(merged.IsOk, merged.ToString());
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, merged.Value.Data);
        Assert.True(status.IsOk, status.ToString());
        Assert.Equal("patched", (await Client.Resource<Pod>().GetAsync(ns, "p", Ct)).Unwrap().Status.Message);
    }

    [Fact]
    public async Task Patch_StrategicMerge_MergesContainersByName()
    {
        string ns = await NamespaceAsync("patch-strategic");
        await CreatedAsync(PodOf(ns, "p", "first", "second"));

        ApiResult<Pod> patched = await Client.Resource<Pod>().PatchAsync(ns, "p",
            new Patch(PatchType.StrategicMerge, Encoding.UTF8.GetBytes("""{"spec":{"containers":[{"name":"second","image":"busybox:2"}]}}""")), cancellationToken: Ct);

        Assert.True(patched.IsOk, patched.ToString());
        Assert.Equal(["first:busybox:1", "second:busybox:2"], patched.Value.Spec.Containers.Select(c => $"{c.Name}:{c.Image}"));
    }

    [Fact]
    public async Task Patch_JsonPatch_AppliesOperationsInOrder()
    {
        string ns = await NamespaceAsync("patch-json");
        await CreatedAsync(Map(ns, "cm", data: new() { ["a"] = "1" }));

        ApiResult<ConfigMap> patched = await Client.Resource<ConfigMap>().PatchAsync(ns, "cm", new Patch(PatchType.Json, Encoding.UTF8.GetBytes(
            """[{"op":"add","path":"/data/b","value":"2"},{"op":"remove","path":"/data/a"},{"op":"test","path":"/data/b","value":"2"}]""")), cancellationToken: Ct);
        ApiResult<ConfigMap> failed = await Client.Resource<ConfigMap>().PatchAsync(ns, "cm", new Patch(PatchType.Json, Encoding.UTF8.GetBytes(
            """[{"op":"test","path":"/data/b","value":"other"}]""")), cancellationToken: Ct);

        Assert.True(patched.IsOk, patched.ToString());
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, patched.Value.Data);
        Assert.False(failed.IsOk);
        Assert.InRange(failed.Code, 400, 499);
    }

    [Fact]
    public async Task Patch_Apply_CreatesThenConflictsWithAnotherManagerUnlessForced()
    {
        string ns = await NamespaceAsync("patch-apply");
        IResourceClient<ConfigMap> maps = Client.Resource<ConfigMap>();
        Patch Apply(string value) => new(PatchType.Apply, Encoding.UTF8.GetBytes(
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: {ns}\ndata:\n  owned: \"{value}\"\n"));

        ApiResult<ConfigMap> created = await maps.PatchAsync(ns, "applied", Apply("mine"), new WriteRequest { FieldManager = "contract-a" }, Ct);
        ApiResult<ConfigMap> conflict = await maps.PatchAsync(ns, "applied", Apply("theirs"), new WriteRequest { FieldManager = "contract-b" }, Ct);
        ApiResult<ConfigMap> forced = await maps.PatchAsync(ns, "applied", Apply("theirs"), new WriteRequest { FieldManager = "contract-b", Force = true }, Ct);

        Assert.True(created.IsOk, created.ToString());
        Assert.Equal("mine", created.Value.Data!["owned"]);
        Assert.Contains(created.Value.Metadata.ManagedFields ?? [], f => f.Manager == "contract-a" && f.Operation == "Apply");
        Assert.True(conflict.IsConflict, conflict.ToString());
        Assert.True(forced.IsOk, forced.ToString());
        Assert.Equal("theirs", forced.Value.Data!["owned"]);
    }

    [Fact]
    public async Task Create_InMissingNamespace_IsNotFound()
    {
        ApiResult<ConfigMap> created = await Client.Resource<ConfigMap>().CreateAsync(Map($"{Tag}-no-such-namespace", "cm"), cancellationToken: Ct);

        Assert.True(created.IsNotFound, created.ToString());
        Assert.Equal("NotFound", created.Reason);
        Assert.Contains("namespaces", created.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidObject_IsInvalidWithTheField()
    {
        string ns = await NamespaceAsync("invalid");

        ApiResult<ConfigMap> badName = await Client.Resource<ConfigMap>().CreateAsync(Map(ns, "Not_A_Valid_Name"), cancellationToken: Ct);
        ApiResult<Pod> noContainers = await Client.Resource<Pod>().CreateAsync(new Pod { Metadata = new ObjectMeta { Namespace = ns, Name = "empty" } }, cancellationToken: Ct);

        Assert.True(badName.IsInvalid, badName.ToString());
        Assert.Equal("Invalid", badName.Reason);
        Assert.Contains(badName.Error!.Details?.Causes ?? [], c => c.Field == "metadata.name");
        Assert.True(noContainers.IsInvalid, noContainers.ToString());
        Assert.False((await Client.Resource<ConfigMap>().GetAsync(ns, "Not_A_Valid_Name", Ct)).IsOk);
    }
}

using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

public sealed partial class InMemoryClusterClientTests
{
    [Fact]
    public async Task Create_Pod_SetsSystemFields()
    {
        Pod created = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal(TestClock.Start.UtcDateTime, created.Metadata.CreationTimestamp);
        Assert.Equal("2", created.Metadata.ResourceVersion);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("Pod", created.Kind);
        Assert.Equal("v1", created.ApiVersion);
    }

    [Fact]
    public async Task Create_DoesNotChangeTheCallersObject()
    {
        Pod pod = TestObjects.Pod("default", "a");
        await Pods.CreateAsync(pod, cancellationToken: Ct);
        Assert.Null(pod.Metadata.Uid);
        Assert.Null(pod.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Create_GenerateName_AppendsASuffix()
    {
        Pod pod = TestObjects.Pod("default", "");
        pod.Metadata.Name = null;
        pod.Metadata.GenerateName = "web-";
        Pod created = (await Pods.CreateAsync(pod, cancellationToken: Ct)).Unwrap();
        Assert.StartsWith("web-", created.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("web-".Length + 5, created.Metadata.Name!.Length);
    }

    [Fact]
    public async Task Create_TakenName_IsAlreadyExists()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        ApiResult<Pod> again = await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        Assert.True(again.IsAlreadyExists, again.ToString());
        Assert.Equal("pods \"a\" already exists", again.Error!.Message);
    }

    [Fact]
    public async Task Create_SameNameInAnotherNamespace_Succeeds()
    {
        await Pods.CreateAsync(TestObjects.Pod("a", "x"), cancellationToken: Ct);
        ApiResult<Pod> other = await Pods.CreateAsync(TestObjects.Pod("b", "x"), cancellationToken: Ct);
        Assert.True(other.IsOk, other.ToString());
    }

    [Fact]
    public async Task Create_PodWithoutContainers_IsInvalidWithTheStrategysCause()
    {
        Pod pod = TestObjects.Pod("default", "a");
        pod.Spec.Containers.Clear();
        ApiResult<Pod> result = await Pods.CreateAsync(pod, cancellationToken: Ct);
        Assert.True(result.IsInvalid, result.ToString());
        Assert.Contains(result.Error!.Details!.Causes!, c => c.Field == "spec.containers");
    }

    [Fact]
    public async Task Create_NamespacedKindWithoutNamespace_IsInvalid()
    {
        ApiResult<Pod> result = await Pods.CreateAsync(TestObjects.Pod("", "a"), cancellationToken: Ct);
        Assert.True(result.IsInvalid, result.ToString());
        Assert.Contains(result.Error!.Details!.Causes!, c => c.Field == "metadata.namespace");
    }

    [Fact]
    public async Task Create_DryRun_StoresNothing()
    {
        ApiResult<Pod> result = await Pods.CreateAsync(TestObjects.Pod("default", "a"), new WriteRequest { DryRun = true }, Ct);
        Assert.True(result.IsOk);
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsNotFound);
        Assert.Equal(1, _client.Revision);
    }

    [Fact]
    public async Task Revision_IsOneCounterAcrossKinds()
    {
        Pod pod = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();
        ConfigMap map = (await _client.Resource<ConfigMap>().CreateAsync(TestObjects.ConfigMap("default", "a"), cancellationToken: Ct)).Unwrap();
        Assert.Equal("2", pod.Metadata.ResourceVersion);
        Assert.Equal("3", map.Metadata.ResourceVersion);
        Assert.Equal(3, _client.Revision);
    }

    [Fact]
    public async Task Update_StaleResourceVersion_IsConflict()
    {
        Pod created = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();
        Pod first = ObjectCopy.Clone(created);
        first.Metadata.Labels = Labels("x", "1");
        Assert.True((await Pods.UpdateAsync(first, cancellationToken: Ct)).IsOk);

        created.Metadata.Labels = Labels("x", "2");
        ApiResult<Pod> stale = await Pods.UpdateAsync(created, cancellationToken: Ct);
        Assert.True(stale.IsConflict, stale.ToString());
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_IsUnconditional()
    {
        Pod created = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();
        created.Metadata.ResourceVersion = null;
        created.Metadata.Labels = Labels("x", "1");
        ApiResult<Pod> updated = await Pods.UpdateAsync(created, cancellationToken: Ct);
        Assert.True(updated.IsOk, updated.ToString());
        Assert.Equal("3", updated.Value!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Update_Missing_IsNotFound()
    {
        ApiResult<Pod> result = await Pods.UpdateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        Assert.True(result.IsNotFound, result.ToString());
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGeneration_MetadataChangeDoesNot()
    {
        IResourceClient<ReplicaSet> sets = _client.Resource<ReplicaSet>();
        ReplicaSet rs = (await sets.CreateAsync(TestObjects.ReplicaSet("default", "web", 1, Labels("app", "web")), cancellationToken: Ct)).Unwrap();
        rs.Metadata.Labels = Labels("tier", "front");
        rs = (await sets.UpdateAsync(rs, cancellationToken: Ct)).Unwrap();
        Assert.Equal(1, rs.Metadata.Generation);

        rs.Spec.Replicas = 3;
        rs = (await sets.UpdateAsync(rs, cancellationToken: Ct)).Unwrap();
        Assert.Equal(2, rs.Metadata.Generation);
    }

    [Fact]
    public async Task Update_KeepsStatus_UpdateStatusKeepsSpec()
    {
        IResourceClient<ReplicaSet> sets = _client.Resource<ReplicaSet>();
        ReplicaSet rs = (await sets.CreateAsync(TestObjects.ReplicaSet("default", "web", 1, Labels("app", "web")), cancellationToken: Ct)).Unwrap();
        rs.Status.Replicas = 5;
        rs.Spec.Replicas = 2;
        rs = (await sets.UpdateAsync(rs, cancellationToken: Ct)).Unwrap();
        Assert.Equal(0, rs.Status.Replicas);
        Assert.Equal(2, rs.Spec.Replicas);

        rs.Status.Replicas = 5;
        rs.Spec.Replicas = 9;
        rs = (await sets.UpdateStatusAsync(rs, cancellationToken: Ct)).Unwrap();
        Assert.Equal(5, rs.Status.Replicas);
        Assert.Equal(2, rs.Spec.Replicas);
        Assert.Equal(2, rs.Metadata.Generation);
    }

    [Fact]
    public async Task Update_ChangingNothing_KeepsTheRevision()
    {
        Pod created = (await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct)).Unwrap();
        Pod same = (await Pods.UpdateAsync(created, cancellationToken: Ct)).Unwrap();
        Assert.Equal(created.Metadata.ResourceVersion, same.Metadata.ResourceVersion);
        Assert.Equal(2, _client.Revision);
    }

    [Fact]
    public async Task Update_ImmutableSelector_IsInvalid()
    {
        IResourceClient<ReplicaSet> sets = _client.Resource<ReplicaSet>();
        ReplicaSet rs = (await sets.CreateAsync(TestObjects.ReplicaSet("default", "web", 1, Labels("app", "web")), cancellationToken: Ct)).Unwrap();
        rs.Spec.Selector!.MatchLabels = Labels("app", "other");
        rs.Spec.Template.Metadata.Labels = Labels("app", "other");
        Assert.True((await sets.UpdateAsync(rs, cancellationToken: Ct)).IsInvalid);
    }

    [Fact]
    public async Task UpdateStatus_KindWithoutStatusSubresource_IsNotFound()
    {
        ConfigMap map = (await _client.Resource<ConfigMap>().CreateAsync(TestObjects.ConfigMap("default", "a"), cancellationToken: Ct)).Unwrap();
        Assert.True((await _client.Resource<ConfigMap>().UpdateStatusAsync(map, cancellationToken: Ct)).IsNotFound);
    }

    [Fact]
    public async Task Patch_Merge_ChangesLabels()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a", Labels("app", "web")), cancellationToken: Ct);
        Pod patched = (await Pods.PatchAsync("default", "a", Patch.MergeJson("""{"metadata":{"labels":{"app":null,"tier":"db"}}}"""), cancellationToken: Ct)).Unwrap();
        Assert.Equal(Labels("tier", "db"), patched.Metadata.Labels);
    }

    [Fact]
    public async Task Patch_StaleResourceVersionInThePatch_IsConflict()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        ApiResult<Pod> result = await Pods.PatchAsync("default", "a", Patch.MergeJson("""{"metadata":{"resourceVersion":"1","labels":{"a":"b"}}}"""), cancellationToken: Ct);
        Assert.True(result.IsConflict, result.ToString());
    }

    [Fact]
    public async Task Patch_Status_ChangesOnlyTheStatus()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        Pod patched = (await Pods.PatchAsync("default", "a",
            Patch.MergeJson("""{"metadata":{"labels":{"x":"y"}},"status":{"phase":"Running"}}""", "status"), cancellationToken: Ct)).Unwrap();
        Assert.Equal("Running", patched.Status.Phase);
        Assert.Null(patched.Metadata.Labels);
    }

    [Fact]
    public async Task Patch_StrategicMerge_MergesContainersByName()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        byte[] body = """{"spec":{"containers":[{"name":"main","image":"registry.example/app:2"}]}}"""u8.ToArray();
        ApiResult<Pod> result = await Pods.PatchAsync("default", "a", new Patch(PatchType.StrategicMerge, body), cancellationToken: Ct);
        // A pod's container image is mutable; the container list keeps one entry, merged by name.
        Pod patched = result.Unwrap();
        Assert.Equal("registry.example/app:2", Assert.Single(patched.Spec.Containers).Image);
    }

    [Fact]
    public async Task Patch_JsonPatchTestThatFails_IsRefused()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        byte[] body = """[{"op":"test","path":"/metadata/name","value":"b"}]"""u8.ToArray();
        ApiResult<Pod> result = await Pods.PatchAsync("default", "a", new Patch(PatchType.Json, body), cancellationToken: Ct);
        Assert.False(result.IsOk);
        Assert.Equal(2, _client.Revision);
    }

    [Fact]
    public async Task Patch_Missing_IsNotFound()
    {
        ApiResult<Pod> result = await Pods.PatchAsync("default", "a", Patch.MergeJson("{}"), cancellationToken: Ct);
        Assert.True(result.IsNotFound);
    }

    [Fact]
    public async Task Binding_AssignsAnUnboundPodOnce()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        var binding = new TestBinding { Metadata = new() { Name = "a" }, Target = new TestBinding.Reference { Name = "node-1" } };
        ApiResult<Api.Meta.Status> bound = await Pods.PostSubresourceAsync<TestBinding, Api.Meta.Status>("default", "a", "binding", binding, Ct);
        Assert.True(bound.IsOk, bound.ToString());
        Assert.Equal("node-1", (await Pods.GetAsync("default", "a", Ct)).Unwrap().Spec.NodeName);

        ApiResult<Api.Meta.Status> again = await Pods.PostSubresourceAsync<TestBinding, Api.Meta.Status>("default", "a", "binding", binding, Ct);
        Assert.True(again.IsConflict, again.ToString());
    }

    [Fact]
    public async Task Eviction_DeletesThePod()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        var eviction = new Api.Policy.Eviction { Metadata = new() { Name = "a", Namespace = "default" } };
        ApiResult<Api.Meta.Status> result = await Pods.PostSubresourceAsync<Api.Policy.Eviction, Api.Meta.Status>("default", "a", "eviction", eviction, Ct);
        Assert.True(result.IsOk, result.ToString());
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsNotFound);
    }
}

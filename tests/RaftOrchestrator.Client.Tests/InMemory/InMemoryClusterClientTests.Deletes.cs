using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Watching;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

public sealed partial class InMemoryClusterClientTests
{
    [Fact]
    public async Task Delete_WithoutFinalizers_RemovesAtTheNextRevision()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        Pod deleted = (await Pods.DeleteAsync("default", "a", cancellationToken: Ct)).Unwrap();
        Assert.Equal("3", deleted.Metadata.ResourceVersion);
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsNotFound);
        Assert.True((await Pods.DeleteAsync("default", "a", cancellationToken: Ct)).IsNotFound);
    }

    [Fact]
    public async Task Delete_WithFinalizer_MarksUntilAnUpdateRemovesTheLastOne()
    {
        ConfigMap map = TestObjects.ConfigMap("default", "a");
        map.Metadata.Finalizers = ["example.com/hold"];
        IResourceClient<ConfigMap> maps = _client.Resource<ConfigMap>();
        await maps.CreateAsync(map, cancellationToken: Ct);
        _time.Advance(TimeSpan.FromSeconds(7));

        ConfigMap marked = (await maps.DeleteAsync("default", "a", cancellationToken: Ct)).Unwrap();
        Assert.Equal(TestClock.Start.UtcDateTime.AddSeconds(7), marked.Metadata.DeletionTimestamp);
        Assert.True((await maps.GetAsync("default", "a", Ct)).IsOk);
        long revision = _client.Revision;
        Assert.True((await maps.DeleteAsync("default", "a", cancellationToken: Ct)).IsOk);
        Assert.Equal(revision, _client.Revision);

        marked.Metadata.Finalizers = null;
        Assert.True((await maps.UpdateAsync(marked, cancellationToken: Ct)).IsOk);
        Assert.True((await maps.GetAsync("default", "a", Ct)).IsNotFound);
    }

    [Theory]
    [InlineData("Foreground", "foregroundDeletion")]
    [InlineData("Orphan", "orphan")]
    public async Task Delete_PropagationPolicy_AddsTheGarbageCollectorsFinalizer(string policy, string finalizer)
    {
        IResourceClient<ReplicaSet> sets = _client.Resource<ReplicaSet>();
        await sets.CreateAsync(TestObjects.ReplicaSet("default", "web", 1, Labels("app", "web")), cancellationToken: Ct);
        ReplicaSet marked = (await sets.DeleteAsync("default", "web", new DeleteOptions { PropagationPolicy = policy }, Ct)).Unwrap();
        Assert.Equal([finalizer], marked.Metadata.Finalizers);
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.True((await sets.GetAsync("default", "web", Ct)).IsOk);
    }

    [Fact]
    public async Task Delete_Background_DeletesAtOnce()
    {
        IResourceClient<ReplicaSet> sets = _client.Resource<ReplicaSet>();
        await sets.CreateAsync(TestObjects.ReplicaSet("default", "web", 1, Labels("app", "web")), cancellationToken: Ct);
        Assert.True((await sets.DeleteAsync("default", "web", new DeleteOptions { PropagationPolicy = "Background" }, Ct)).IsOk);
        Assert.True((await sets.GetAsync("default", "web", Ct)).IsNotFound);
    }

    [Fact]
    public async Task Delete_BoundPod_IsGracefulUntilForced()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a", nodeName: "node-1"), cancellationToken: Ct);
        Pod marked = (await Pods.DeleteAsync("default", "a", cancellationToken: Ct)).Unwrap();
        Assert.Equal(30, marked.Metadata.DeletionGracePeriodSeconds);
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsOk);

        Assert.True((await Pods.DeleteAsync("default", "a", new DeleteOptions { GracePeriodSeconds = 0 }, Ct)).IsOk);
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsNotFound);
    }

    [Fact]
    public async Task Delete_UidPreconditionMismatch_IsConflict()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a"), cancellationToken: Ct);
        var options = new DeleteOptions { Preconditions = new Preconditions { Uid = "someone-else" } };
        Assert.True((await Pods.DeleteAsync("default", "a", options, Ct)).IsConflict);
        Assert.True((await Pods.GetAsync("default", "a", Ct)).IsOk);
    }

    [Fact]
    public async Task Delete_EmitsDeletedWithTheLastStateAtTheDeletionRevision()
    {
        await Pods.CreateAsync(TestObjects.Pod("default", "a", Labels("app", "web")), cancellationToken: Ct);
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync("default", new WatchRequest { ResourceVersion = "2" }, Ct)).Unwrap();
        await Pods.DeleteAsync("default", "a", cancellationToken: Ct);

        WatchEvent<Pod> deleted = (await NextAsync(watch))!.Value;
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.Equal("3", deleted.ResourceVersion);
        Assert.Equal("3", deleted.Value!.Metadata.ResourceVersion);
        Assert.Equal(Labels("app", "web"), deleted.Value.Metadata.Labels);
    }
}

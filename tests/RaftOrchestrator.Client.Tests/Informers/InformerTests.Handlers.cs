using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Informers;

public sealed partial class InformerTests
{
    [Fact]
    public async Task Lister_AndTheBuiltInAndCustomIndexes()
    {
        var owner = new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "web", Uid = "u1", Controller = true };
        Pod a = TestObjects.Pod("x", "a", new Dictionary<string, string> { ["app"] = "web" }, nodeName: "n1");
        a.Metadata.OwnerReferences = [owner];
        Pod c = TestObjects.Pod("y", "c", new Dictionary<string, string> { ["app"] = "web" });
        c.Metadata.OwnerReferences = [owner];
        _client.Seed(a);
        _client.Seed(TestObjects.Pod("x", "b", new Dictionary<string, string> { ["app"] = "db" }, nodeName: "n1"));
        _client.Seed(c);
        Informer<Pod> informer = New<Pod>();
        await StartAsync(informer);
        ILister<Pod> lister = informer.Lister;
        Assert.True(LabelSelectorMatcher.TryParse("app=web", out LabelSelectorMatcher? web, out _));

        Assert.Equal("a", lister.Get("x", "a")?.Metadata.Name);
        Assert.Null(lister.Get("y", "a"));
        Assert.Equal(["a", "b"], Names(lister.List("x")));
        Assert.Equal(["a", "c"], Names(lister.List(null, web)));
        Assert.Equal(["c"], Names(lister.List("y", web)));
        Assert.Equal(["c"], Names(lister.ByIndex(InformerIndexes.Namespace, "y")));
        Assert.Equal(["b"], Names(lister.ByIndex(InformerIndexes.Label, InformerIndexes.LabelValue("app", "db"))));
        Assert.Equal(["a", "c"], Names(lister.ByIndex(InformerIndexes.OwnerUid, "u1")));

        informer.AddIndex("node", p => [p.Spec.NodeName ?? ""]);
        Assert.Equal(["a", "b"], Names(lister.ByIndex("node", "n1")));
        Assert.Throws<ArgumentException>(() => lister.ByIndex("missing", "x"));

        Pod moved = (await _client.Resource<Pod>().GetAsync("x", "a", Ct)).Unwrap();
        moved.Metadata.Labels = new() { ["app"] = "db" };
        moved.Metadata.OwnerReferences = null;
        await _client.Resource<Pod>().UpdateAsync(moved, cancellationToken: Ct);
        await EventuallyAsync(() => lister.ByIndex(InformerIndexes.OwnerUid, "u1").Count == 1, "the reindex");
        Assert.Equal(["c"], Names(lister.ByIndex(InformerIndexes.Label, "app=web")));
        Assert.Equal(["a", "b"], Names(lister.ByIndex(InformerIndexes.Label, "app=db")));
    }

    [Fact]
    public async Task TwoHandlers_ASlowOneDoesNotHoldUpTheOther_AndBothSeeTheSameOrder()
    {
        using var release = new ManualResetEventSlim(false);
        var slow = new RecordingEventHandler<ConfigMap>(_ => release.Wait(s_wait, Ct));
        var fast = new RecordingEventHandler<ConfigMap>();
        Informer<ConfigMap> informer = New<ConfigMap>();
        informer.AddHandler(slow);
        informer.AddHandler(fast);
        await StartAsync(informer);
        IResourceClient<ConfigMap> maps = _client.Resource<ConfigMap>();
        await maps.CreateAsync(Map("a"), cancellationToken: Ct);
        await maps.CreateAsync(Map("b"), cancellationToken: Ct);
        await maps.UpdateAsync(Map("a", "2"), cancellationToken: Ct);
        await maps.DeleteAsync("default", "b", cancellationToken: Ct);

        await fast.WaitForCountAsync(4, cancellationToken: Ct);
        Assert.Empty(slow.Events);
        release.Set();
        await slow.WaitForCountAsync(4, cancellationToken: Ct);
        Assert.Equal(["add default/a", "add default/b", "update default/a", "delete default/b"], fast.Summaries);
        Assert.Equal(fast.Summaries, slow.Summaries);
    }

    [Fact]
    public async Task AddHandler_AfterSync_GetsAnAddPerCachedObjectFirst()
    {
        _client.Seed(Map("a"));
        _client.Seed(Map("b"));
        Informer<ConfigMap> informer = New<ConfigMap>();
        await StartAsync(informer);
        var late = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(late);
        await late.WaitForCountAsync(2, cancellationToken: Ct);
        await _client.Resource<ConfigMap>().CreateAsync(Map("c"), cancellationToken: Ct);
        await late.WaitForCountAsync(3, cancellationToken: Ct);
        Assert.Equal(["add default/a", "add default/b"], late.Summaries.Take(2).Order());
        Assert.Equal("add default/c", late.Summaries[2]);
    }

    [Fact]
    public async Task Resync_RedeliversEveryObjectAsAnUpdateFromItself_OnlyToThatHandler()
    {
        _client.Seed(Map("a"));
        _client.Seed(Map("b"));
        Informer<ConfigMap> informer = New<ConfigMap>();
        var resyncing = new RecordingEventHandler<ConfigMap>();
        var plain = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(resyncing, resync: TimeSpan.FromSeconds(30));
        informer.AddHandler(plain);
        await StartAsync(informer);
        await resyncing.WaitForCountAsync(2, cancellationToken: Ct);

        _time.Advance(TimeSpan.FromSeconds(30));
        await resyncing.WaitForCountAsync(4, cancellationToken: Ct);
        RecordedChange<ConfigMap>[] resynced = [.. resyncing.Events.Skip(2)];
        Assert.All(resynced, e => Assert.Equal("update", e.Type));
        Assert.All(resynced, e => Assert.Same(e.Previous, e.Value));
        Assert.Equal(["a", "b"], resynced.Select(e => e.Value.Metadata.Name).Order());

        await _client.Resource<ConfigMap>().CreateAsync(Map("c"), cancellationToken: Ct);
        await plain.WaitForCountAsync(3, cancellationToken: Ct);
        Assert.Equal(3, plain.Events.Count);
    }

    [Fact]
    public async Task DisposedHandler_GetsNothingMore()
    {
        Informer<ConfigMap> informer = New<ConfigMap>();
        var gone = new RecordingEventHandler<ConfigMap>();
        var staying = new RecordingEventHandler<ConfigMap>();
        IDisposable registration = informer.AddHandler(gone);
        informer.AddHandler(staying);
        await StartAsync(informer);
        registration.Dispose();
        await _client.Resource<ConfigMap>().CreateAsync(Map("a"), cancellationToken: Ct);
        await staying.WaitForCountAsync(1, cancellationToken: Ct);
        Assert.Empty(gone.Events);
    }

    [Fact]
    public async Task ThrowingHandler_KeepsReceiving()
    {
        int calls = 0;
        var handler = new RecordingEventHandler<ConfigMap>(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler bug");
            }
        });
        Informer<ConfigMap> informer = New<ConfigMap>();
        informer.AddHandler(handler);
        await StartAsync(informer);
        await _client.Resource<ConfigMap>().CreateAsync(Map("a"), cancellationToken: Ct);
        await _client.Resource<ConfigMap>().CreateAsync(Map("b"), cancellationToken: Ct);
        await handler.WaitForCountAsync(1, cancellationToken: Ct);
        Assert.Equal(["add default/b"], handler.Summaries);
    }

    private static string[] Names<T>(IEnumerable<T> values) where T : class, IKubernetesObject =>
        [.. values.Select(v => v.Metadata.Name!).Order()];
}

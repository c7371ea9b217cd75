using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Informers;

public sealed partial class InformerTests
{
    [Fact]
    public async Task Sync_ThenIncrementalEvents_ReachTheHandlerAndTheCache()
    {
        _client.Seed(Map("a"));
        _client.Seed(Map("b"));
        Informer<ConfigMap> informer = New<ConfigMap>();
        var handler = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(handler);
        await StartAsync(informer);
        Assert.Equal("3", informer.LastSyncResourceVersion);
        await handler.WaitForCountAsync(2, cancellationToken: Ct);
        Assert.Equal(["add default/a", "add default/b"], handler.Summaries.Order());

        IResourceClient<ConfigMap> maps = _client.Resource<ConfigMap>();
        await maps.CreateAsync(Map("c"), cancellationToken: Ct);
        ConfigMap a = (await maps.GetAsync("default", "a", Ct)).Unwrap();
        a.Data = new() { ["k"] = "v" };
        await maps.UpdateAsync(a, cancellationToken: Ct);
        await maps.DeleteAsync("default", "b", cancellationToken: Ct);

        await handler.WaitForCountAsync(5, cancellationToken: Ct);
        Assert.Equal(["add default/c", "update default/a", "delete default/b"], handler.Summaries.Skip(2));
        RecordedChange<ConfigMap> update = handler.Events[3];
        Assert.Equal(("2", "5"), (update.Previous!.Metadata.ResourceVersion, update.Value.Metadata.ResourceVersion));
        Assert.Equal("v", informer.Lister.Get("default", "a")!.Data!["k"]);
        Assert.Null(informer.Lister.Get("default", "b"));
        Assert.Equal("6", informer.LastSyncResourceVersion);
        // The cache holds the decoded objects the handlers got: no copies.
        Assert.Same(update.Value, informer.Lister.Get("default", "a"));
    }

    [Fact]
    public async Task List_IsPagedAtTheConfiguredSize()
    {
        Assert.Equal(500, new InformerOptions().PageSize);
        for (int i = 0; i < 5; i++)
        {
            _client.Seed(Map($"m{i}"));
        }
        using var lists = new CallCounter(_client, InMemoryVerb.List);
        Informer<ConfigMap> informer = New<ConfigMap>(new InformerOptions { PageSize = 2 });
        await StartAsync(informer);
        Assert.Equal(3, lists.Count);
        Assert.Equal(5, informer.Lister.List().Count);
    }

    [Fact]
    public async Task WatchEnd_ResumesFromTheLastRevision_WithoutARelist()
    {
        _client.Seed(Map("a"));
        using var lists = new CallCounter(_client, InMemoryVerb.List);
        using var watches = new CallCounter(_client, InMemoryVerb.Watch);
        Informer<ConfigMap> informer = New<ConfigMap>();
        var handler = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(handler);
        await StartAsync(informer);

        _client.CloseWatches();
        _client.Seed(Map("b"));
        await handler.WaitForAsync(e => e.Any(x => x.Summary == "add default/b"), cancellationToken: Ct);
        await EventuallyAsync(() => watches.Count == 2 && _client.OpenWatches == 1, "a second watch");
        Assert.Equal(1, lists.Count);
        Assert.Equal(["add default/a", "add default/b"], handler.Summaries);
    }

    [Fact]
    public async Task Gone_Relists_ConvergesTheCache_AndEmitsWhatWasMissed()
    {
        _client.Seed(Map("a"));
        _client.Seed(Map("b"));
        _client.Seed(Map("c"));
        using var lists = new CallCounter(_client, InMemoryVerb.List);
        Informer<ConfigMap> informer = New<ConfigMap>();
        var handler = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(handler);
        await StartAsync(informer);
        await handler.WaitForCountAsync(3, cancellationToken: Ct);

        // The informer loses its watch and cannot watch again while the history it needs is compacted away.
        int refused = 0;
        IDisposable outage = _client.FailWhile(call =>
        {
            if (call.Verb != InMemoryVerb.Watch)
            {
                return null;
            }
            Interlocked.Increment(ref refused);
            return Unavailable;
        });
        _client.CloseWatches();
        await EventuallyAsync(() => Volatile.Read(ref refused) >= 1, "a refused watch");
        IResourceClient<ConfigMap> maps = _client.Resource<ConfigMap>();
        await maps.DeleteAsync("default", "b", cancellationToken: Ct);
        await maps.CreateAsync(Map("d"), cancellationToken: Ct);
        await maps.UpdateAsync(Map("c", label: "new"), cancellationToken: Ct);
        _client.Compact();
        outage.Dispose();

        await AdvanceUntilAsync(() => informer.Lister.Get("default", "d") is not null, "the relist");
        await handler.WaitForCountAsync(6, cancellationToken: Ct);
        Assert.Equal(["add default/d", "delete default/b", "update default/c"], handler.Summaries.Skip(3).Order());
        Assert.Equal(["a", "c", "d"], informer.Lister.List().Select(m => m.Metadata.Name).Order());
        Assert.Equal("new", informer.Lister.Get("default", "c")!.Data!["v"]);
        Assert.Equal(2, lists.Count);
        Assert.Equal(_client.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), informer.LastSyncResourceVersion);
    }

    [Fact]
    public async Task FailingList_BacksOffOnTheClock_AndNeverSpins()
    {
        int lists = 0;
        IDisposable outage = _client.FailWhile(call =>
        {
            if (call.Verb != InMemoryVerb.List)
            {
                return null;
            }
            Interlocked.Increment(ref lists);
            return Unavailable;
        });
        Informer<ConfigMap> informer = New<ConfigMap>();
        Run(informer);
        await EventuallyAsync(() => Volatile.Read(ref lists) == 1, "the first list");
        // Without the clock moving the informer must wait: a spinning retry loop would make thousands of calls here.
        await Task.Delay(200, Ct);
        Assert.Equal(1, Volatile.Read(ref lists));

        await AdvanceUntilAsync(() => Volatile.Read(ref lists) >= 3, "two retries");
        outage.Dispose();
        await AdvanceUntilAsync(() => informer.HasSynced, "the sync");
    }

    [Fact]
    public async Task FailingWatch_BacksOff_ThenResumes()
    {
        _client.Seed(Map("a"));
        Informer<ConfigMap> informer = New<ConfigMap>();
        var handler = new RecordingEventHandler<ConfigMap>();
        informer.AddHandler(handler);
        _client.FailNext(InMemoryVerb.Watch, Unavailable, count: 3);
        await StartAsync(informer);
        _client.Seed(Map("b"));
        await AdvanceUntilAsync(() => informer.Lister.Get("default", "b") is not null, "the watch");
        Assert.Equal(["add default/a", "add default/b"], handler.Summaries);
    }

    [Fact]
    public async Task Bookmark_AdvancesTheLastSyncResourceVersion()
    {
        Informer<ConfigMap> informer = New<ConfigMap>();
        await StartAsync(informer);
        await EventuallyAsync(() => _client.OpenWatches == 1, "the watch");
        _client.Seed(TestObjects.Pod("default", "unrelated"));
        _client.SendBookmarks();
        await EventuallyAsync(() => informer.LastSyncResourceVersion == "2", "the bookmark");
    }

    [Fact]
    public async Task Stopping_EndsTheWatch_AndTheHandlerLoops()
    {
        Informer<ConfigMap> informer = New<ConfigMap>();
        await StartAsync(informer);
        await EventuallyAsync(() => _client.OpenWatches == 1, "the watch");
        await _stop.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(s_wait, Ct);
        Assert.Equal(0, _client.OpenWatches);
    }
}

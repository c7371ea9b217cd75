using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Watching;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

public sealed partial class InMemoryClusterClientTests
{
    [Fact]
    public async Task Watch_FromARevision_ReplaysLaterChangesThenGoesLive()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        long from = _client.Revision;
        Pod b = _client.Seed(TestObjects.Pod("default", "b"));
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = from.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Ct)).Unwrap();
        b.Metadata.Labels = Labels("x", "y");
        await Pods.UpdateAsync(b, cancellationToken: Ct);

        WatchEvent<Pod> added = (await NextAsync(watch))!.Value;
        WatchEvent<Pod> modified = (await NextAsync(watch))!.Value;
        Assert.Equal((WatchEventType.Added, "b", "3"), (added.Type, added.Value!.Metadata.Name, added.ResourceVersion));
        Assert.Equal((WatchEventType.Modified, "b", "4"), (modified.Type, modified.Value!.Metadata.Name, modified.ResourceVersion));
    }

    [Fact]
    public async Task Watch_FromZero_StartsWithAnAddedPerObject()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        _client.Seed(TestObjects.Pod("other", "b"));
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync("default", new WatchRequest { ResourceVersion = "0" }, Ct)).Unwrap();
        _client.Seed(TestObjects.Pod("default", "c"));

        WatchEvent<Pod> first = (await NextAsync(watch))!.Value;
        WatchEvent<Pod> second = (await NextAsync(watch))!.Value;
        Assert.Equal((WatchEventType.Added, "a"), (first.Type, first.Value!.Metadata.Name));
        Assert.Equal((WatchEventType.Added, "c"), (second.Type, second.Value!.Metadata.Name));
    }

    [Fact]
    public async Task Watch_BelowTheCompactionPoint_IsOneErrorGoneThenTheEnd()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        _client.Seed(TestObjects.Pod("default", "b"));
        _client.Compact();
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "2" }, Ct)).Unwrap();

        WatchEvent<Pod> error = (await NextAsync(watch))!.Value;
        Assert.Equal(WatchEventType.Error, error.Type);
        Assert.Equal(410, error.Error!.Code);
        Assert.Null(await NextAsync(watch));
    }

    [Fact]
    public async Task Watch_AtTheCompactionPoint_Works()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        _client.Compact();
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "2" }, Ct)).Unwrap();
        _client.Seed(TestObjects.Pod("default", "b"));
        WatchEvent<Pod> added = (await NextAsync(watch))!.Value;
        Assert.Equal((WatchEventType.Added, "b"), (added.Type, added.Value!.Metadata.Name));
    }

    [Fact]
    public async Task Watch_WithSelector_AnObjectThatStopsMatchingIsDeleted()
    {
        Pod pod = _client.Seed(TestObjects.Pod("default", "a", Labels("app", "web")));
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = pod.Metadata.ResourceVersion, LabelSelector = "app=web" }, Ct)).Unwrap();
        pod.Metadata.Labels = Labels("app", "db");
        pod = (await Pods.UpdateAsync(pod, cancellationToken: Ct)).Unwrap();
        pod.Metadata.Labels = Labels("app", "web");
        await Pods.UpdateAsync(pod, cancellationToken: Ct);

        Assert.Equal(WatchEventType.Deleted, (await NextAsync(watch))!.Value.Type);
        Assert.Equal(WatchEventType.Added, (await NextAsync(watch))!.Value.Type);
    }

    [Fact]
    public async Task CloseWatches_EndsEveryStream()
    {
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "1" }, Ct)).Unwrap();
        Assert.Equal(1, _client.OpenWatches);
        _client.CloseWatches();
        Assert.Null(await NextAsync(watch));
    }

    [Fact]
    public async Task DisposingAStream_ReleasesTheWatch()
    {
        IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "1" }, Ct)).Unwrap();
        await watch.DisposeAsync();
        Assert.Equal(0, _client.OpenWatches);
    }

    [Fact]
    public async Task SendBookmarks_ReachesWatchesThatAllowThem()
    {
        await using IWatchStream<Pod> with = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "1" }, Ct)).Unwrap();
        await using IWatchStream<Pod> without = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "1", AllowBookmarks = false }, Ct)).Unwrap();
        _client.Seed(TestObjects.ConfigMap("default", "unrelated"));
        _client.SendBookmarks();
        _client.CloseWatches();

        WatchEvent<Pod> bookmark = (await NextAsync(with))!.Value;
        Assert.Equal((WatchEventType.Bookmark, "2"), (bookmark.Type, bookmark.ResourceVersion));
        Assert.Null(await NextAsync(without));
    }

    [Fact]
    public async Task Watch_Timeout_EndsTheStreamOnTheClock()
    {
        await using IWatchStream<Pod> watch = (await Pods.WatchAsync(null, new WatchRequest { ResourceVersion = "1", Timeout = TimeSpan.FromMinutes(5) }, Ct)).Unwrap();
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await NextAsync(watch));
    }
}

using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Server.Tests.Contract;

public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task Watch_FromListResourceVersion_SeesAddedModifiedDeletedInOrder()
    {
        string ns = await NamespaceAsync("watch");
        IResourceClient<ConfigMap> maps = Client.Resource<ConfigMap>();
        await CreatedAsync(Map(ns, "before"));
        ObjectList<ConfigMap> list = (await maps.ListAsync(ns, cancellationToken: Ct)).Unwrap();
        ApiResult<IWatchStream<ConfigMap>> opened = await maps.WatchAsync(ns, new WatchRequest { ResourceVersion = list.Metadata.ResourceVersion, AllowBookmarks = false }, Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;

        ConfigMap created = await CreatedAsync(Map(ns, "watched"));
        created.Data = new() { ["k"] = "changed" };
        ConfigMap updated = (await maps.UpdateAsync(created, cancellationToken: Ct)).Unwrap();
        ConfigMap deleted = (await maps.DeleteAsync(ns, "watched", cancellationToken: Ct)).Unwrap();
        WatchEvent<ConfigMap> added = await NextAsync(watch);
        WatchEvent<ConfigMap> modified = await NextAsync(watch);
        WatchEvent<ConfigMap> removed = await NextAsync(watch);

        Assert.Equal((WatchEventType.Added, "watched", created.Metadata.ResourceVersion), (added.Type, added.Value!.Metadata.Name, added.ResourceVersion));
        Assert.Equal((WatchEventType.Modified, "changed", updated.Metadata.ResourceVersion), (modified.Type, modified.Value!.Data!["k"], modified.ResourceVersion));
        Assert.Equal((WatchEventType.Deleted, "watched", deleted.Metadata.ResourceVersion), (removed.Type, removed.Value!.Metadata.Name, removed.ResourceVersion));
        Assert.All([added, modified, removed], e => Assert.Equal(e.ResourceVersion, e.Value!.Metadata.ResourceVersion));
        Assert.Equal(created.Metadata.Uid, removed.Value.Metadata.Uid);
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithTheCurrentObjects_AndHonoursSelectors()
    {
        string ns = await NamespaceAsync("watch-initial");
        await CreatedAsync(Map(ns, "blue", new() { ["color"] = "blue" }));
        await CreatedAsync(Map(ns, "red", new() { ["color"] = "red" }));
        ApiResult<IWatchStream<ConfigMap>> opened = await Client.Resource<ConfigMap>().WatchAsync(ns, new WatchRequest { LabelSelector = "color=blue", AllowBookmarks = false }, Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;

        WatchEvent<ConfigMap> initial = await NextAsync(watch);
        await CreatedAsync(Map(ns, "red-2", new() { ["color"] = "red" }));
        await CreatedAsync(Map(ns, "blue-2", new() { ["color"] = "blue" }));
        WatchEvent<ConfigMap> later = await NextAsync(watch);

        Assert.Equal((WatchEventType.Added, "blue"), (initial.Type, initial.Value!.Metadata.Name));
        Assert.Equal((WatchEventType.Added, "blue-2"), (later.Type, later.Value!.Metadata.Name));
    }

    [Fact]
    public async Task Watch_FromCompactedRevision_EndsWithA410ErrorEvent()
    {
        string ns = await NamespaceAsync("watch-gone");
        ConfigMap first = await CreatedAsync(Map(ns, "old"));
        first.Data = new() { ["k"] = "newer" };
        ConfigMap second = (await Client.Resource<ConfigMap>().UpdateAsync(first, cancellationToken: Ct)).Unwrap();
        await CompactAsync(Revision(second.Metadata.ResourceVersion), Ct);

        ApiResult<IWatchStream<ConfigMap>> opened = await Client.Resource<ConfigMap>().WatchAsync(ns, new WatchRequest { ResourceVersion = first.Metadata.ResourceVersion }, Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;
        WatchEvent<ConfigMap> error = await NextAsync(watch);
        WatchEvent<ConfigMap>? after = await watch.ReadAsync(Ct);

        Assert.Equal(WatchEventType.Error, error.Type);
        Assert.Equal(410, error.Error!.Code);
        Assert.Equal("Expired", error.Error.Reason);
        Assert.Null(after);
    }

    [Fact]
    public async Task Watch_AllowingBookmarks_ReceivesABookmarkAtTheCurrentRevision()
    {
        string ns = await NamespaceAsync("watch-bookmark");
        ObjectList<ConfigMap> list = (await Client.Resource<ConfigMap>().ListAsync(ns, cancellationToken: Ct)).Unwrap();
        ApiResult<IWatchStream<ConfigMap>> opened = await Client.Resource<ConfigMap>().WatchAsync(ns, new WatchRequest { ResourceVersion = list.Metadata.ResourceVersion, AllowBookmarks = true }, Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;

        WatchEvent<ConfigMap> bookmark = await NextAsync(watch, bookmarks: true);

        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Null(bookmark.Value);
        Assert.True(Revision(bookmark.ResourceVersion) >= Revision(list.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Watch_WithServerTimeout_EndsTheStream()
    {
        string ns = await NamespaceAsync("watch-timeout");
        ApiResult<IWatchStream<ConfigMap>> opened = await Client.Resource<ConfigMap>().WatchAsync(ns, new WatchRequest { Timeout = TimeSpan.FromSeconds(1), AllowBookmarks = false }, Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;

        WatchEvent<ConfigMap>? next = await watch.ReadAsync(Ct);

        Assert.Null(next);
    }

    [Fact]
    public async Task Watch_WithAnInvalidSelector_IsAFailedResult()
    {
        ApiResult<IWatchStream<ConfigMap>> opened = await Client.Resource<ConfigMap>().WatchAsync(null, new WatchRequest { LabelSelector = "a in (" }, Ct);

        Assert.False(opened.IsOk);
        Assert.Equal(400, opened.Code);
    }
}

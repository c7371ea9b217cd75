using System.Globalization;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    /// <summary>
    /// A watch as the server serves it: from resourceVersion N, every change after N (replayed from the log, then
    /// live); from null, "" or "0", first an ADDED per existing object, then the changes after the current revision.
    /// A revision below the compaction point gets a stream holding one ERROR event with a 410 Expired Status.
    /// </summary>
    internal ApiResult<IWatchStream<T>> Watch(string? ns, WatchRequest request)
    {
        if (!InMemoryFilter<T>.TryCreate(Descriptor, ns, request.LabelSelector, request.FieldSelector, out InMemoryFilter<T>? filter, out Status? bad))
        {
            return Fail<IWatchStream<T>>(bad);
        }
        var watch = new InMemoryWatch<T>(filter, request.AllowBookmarks, Unregister);
        long after;
        if (request.ResourceVersion is null or "" or "0")
        {
            after = _cluster.Revision;
            foreach ((_, StoredVersion version) in _store.Scan(ns, after, null))
            {
                T value = _store.Decode(version.Bytes!, version.Revision);
                if (filter.Matches(value))
                {
                    watch.Post(new WatchEvent<T>(WatchEventType.Added, value, Revision(version.Revision)));
                }
            }
        }
        else if (!long.TryParse(request.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Fail<IWatchStream<T>>(InMemoryStatus.BadRequest($"invalid resource version \"{request.ResourceVersion}\""));
        }
        if (after < _cluster.CompactedRevision)
        {
            Status gone = InMemoryStatus.Gone($"too old resource version: {Revision(after)} ({Revision(_cluster.CompactedRevision)})");
            watch.Post(new WatchEvent<T>(WatchEventType.Error, null, "", gone));
            watch.Close();
            return ApiResult.Ok<IWatchStream<T>>(watch);
        }
        foreach (StoredChange change in _store.ChangesAfter(after))
        {
            watch.Deliver(change, _store);
        }
        _store.AddWatch(watch);
        if (request.Timeout is { } timeout)
        {
            watch.EndAfter(_cluster.Time, timeout);
        }
        return ApiResult.Ok<IWatchStream<T>>(watch);
    }

    private void Unregister(InMemoryWatch<T> watch)
    {
        lock (_cluster.Gate)
        {
            _store.RemoveWatch(watch);
        }
    }
}

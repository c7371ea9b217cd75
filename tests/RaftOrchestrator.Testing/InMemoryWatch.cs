using System.Threading.Channels;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Testing;

/// <summary>
/// One open watch of the in-memory client. The store posts events under the cluster's lock (never blocking: the
/// channel is unbounded); one reader takes them. A change is judged against both of its states, as the server
/// does: an object that stops matching the filter is DELETED for this watch, one that starts matching ADDED.
/// </summary>
internal sealed class InMemoryWatch<T> : IWatchStream<T> where T : class, IKubernetesObject, new()
{
    private readonly Channel<WatchEvent<T>> _events = Channel.CreateUnbounded<WatchEvent<T>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<InMemoryWatch<T>> _unregister;
    private ITimer? _timeout;

    public InMemoryWatch(InMemoryFilter<T> filter, bool allowBookmarks, Action<InMemoryWatch<T>> unregister)
    {
        Filter = filter;
        AllowBookmarks = allowBookmarks;
        _unregister = unregister;
    }

    public InMemoryFilter<T> Filter { get; }

    public bool AllowBookmarks { get; }

    /// <summary>Ends the stream after <paramref name="timeout"/> on <paramref name="time"/>'s clock (a watch's timeoutSeconds).</summary>
    public void EndAfter(TimeProvider time, TimeSpan timeout) =>
        _timeout = time.CreateTimer(_ => Close(), null, timeout, Timeout.InfiniteTimeSpan);

    public void Post(WatchEvent<T> watchEvent) => _events.Writer.TryWrite(watchEvent);

    /// <summary>Ends the stream: the reader gets what was posted, then null (the server ended the watch).</summary>
    public void Close() => _events.Writer.TryComplete();

    public void Deliver(StoredChange change, KindStore<T> store)
    {
        string revision = change.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        T? previous = change.Previous is { } before ? store.Decode(before, change.Revision) : null;
        bool wasMatching = previous is not null && Filter.Matches(previous);
        if (change.Current is null)
        {
            if (wasMatching)
            {
                Post(new WatchEvent<T>(WatchEventType.Deleted, previous, revision));
            }
            return;
        }
        T current = store.Decode(change.Current, change.Revision);
        if (Filter.Matches(current))
        {
            Post(new WatchEvent<T>(wasMatching ? WatchEventType.Modified : WatchEventType.Added, current, revision));
        }
        else if (wasMatching)
        {
            Post(new WatchEvent<T>(WatchEventType.Deleted, current, revision));
        }
    }

    public async ValueTask<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_events.Reader.TryRead(out WatchEvent<T> watchEvent))
            {
                return watchEvent;
            }
        }
        return null;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _timeout?.Dispose();
        _unregister(this);
        return ValueTask.CompletedTask;
    }
}

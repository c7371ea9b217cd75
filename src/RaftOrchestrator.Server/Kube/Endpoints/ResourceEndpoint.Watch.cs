using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Server.Kube.Watch;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    /// <summary>A watch without timeoutSeconds ends after 30 minutes, as kube-apiserver's default minimum request timeout.</summary>
    private static readonly TimeSpan s_defaultWatchTimeout = TimeSpan.FromMinutes(30);

    private ObjectWatchEncoder<T>? _jsonEncoder;
    private ObjectWatchEncoder<T>? _messagePackEncoder;

    /// <summary>
    /// A watch: from resourceVersion N, every change after N; from "" or "0", first an ADDED event per existing
    /// object (a consistent list), then the changes after it. Selectors apply to both states of a change: an object
    /// that stops matching is DELETED for this watcher, one that starts matching ADDED. A resourceVersion below
    /// the compaction point gets one ERROR event with a 410 Expired Status inside the 200 stream, as the watch
    /// cache does, and clients relist.
    /// </summary>
    private async Task WatchAsync(EndpointRequest request)
    {
        ListOptions options = ListOptions.From(request.Query);
        if (!ObjectFilter<T>.TryCreate(_descriptor, options, out ObjectFilter<T>? filter, out Status? invalid))
        {
            await Replies.StatusAsync(request.Context, invalid);
            return;
        }
        ReplyFormat format = request.Format;
        long after;
        List<T>? initial = null;
        if (options.ResourceVersion is null or "" or "0")
        {
            if (options.SendInitialEvents == false)
            {
                after = _services.Store.CurrentRevision;
            }
            else
            {
                (ListPage<T>? page, Status? error) = await ReadListAsync(request, options with { Limit = 0, Continue = null }, filter);
                if (error is not null)
                {
                    await Replies.StatusAsync(request.Context, error);
                    return;
                }
                initial = page!.Items;
                after = page.Revision;
            }
        }
        else if (!long.TryParse(options.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"invalid resource version \"{options.ResourceVersion}\""));
            return;
        }
        HttpResponse response = request.Context.Response;
        response.StatusCode = 200;
        response.ContentType = format switch
        {
            ReplyFormat.Table => MediaTypes.Table,
            ReplyFormat.MessagePack => MediaTypes.MessagePack,
            _ => MediaTypes.Json,
        };
        response.Headers.CacheControl = "no-cache, private";
        TimeSpan timeout = options.TimeoutSeconds > 0 ? TimeSpan.FromSeconds(options.TimeoutSeconds) : s_defaultWatchTimeout;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(request.Aborted);
        lifetime.CancelAfter(timeout);
        var session = new WatchSession(this, request, format, filter, options);
        try
        {
            await session.RunAsync(initial, after, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // timeout or client gone: the stream just ends, which clients treat as "watch again"
        }
    }

    internal ObjectWatchEncoder<T> SharedEncoder(bool messagePack) => messagePack
        ? _messagePackEncoder ??= new ObjectWatchEncoder<T>(_store.Codec, messagePack: true)
        : _jsonEncoder ??= new ObjectWatchEncoder<T>(_store.Codec, messagePack: false);

    /// <summary>One watch's stream: owns the store watch and writes to the response pipe (one reader, one writer).</summary>
    private sealed class WatchSession(ResourceEndpoint<T> endpoint, EndpointRequest request, ReplyFormat format, ObjectFilter<T> filter, ListOptions options)
    {
        private readonly PipeWriter _out = request.Context.Response.BodyWriter;
        private bool _columnsWritten;

        public async Task RunAsync(List<T>? initial, long after, CancellationToken cancellationToken)
        {
            foreach (T value in initial ?? [])
            {
                Write(WatchEventKind.Added, value, value.Metadata.ResourceVersion is { } rv ? long.Parse(rv, CultureInfo.InvariantCulture) : after, ReadOnlySpan<byte>.Empty);
            }
            if (initial is not null && options.AllowWatchBookmarks && options.SendInitialEvents == true)
            {
                WriteBookmark(after, initialEventsEnd: true);
            }
            await _out.FlushAsync(cancellationToken);
            if (after < endpoint._services.Store.CompactRevision)
            {
                await ExpiredAsync(after, cancellationToken);
                return;
            }
            byte[] prefix = endpoint._store.PrefixBytes(endpoint.NamespaceOf(request));
            KeyRange range = filter.SingleName is { } single
                ? KeyRange.ForKey(StoreKeys.Bytes(endpoint._descriptor.Key(endpoint.NamespaceOf(request), single)))
                : KeyRange.Prefix(prefix);
            using WatchStream stream = endpoint._services.Store.NewWatchStream();
            WatchCreateResult created = stream.Watch(new WatchRequest(range) { StartRevision = after + 1, PrevKv = true, ProgressNotify = options.AllowWatchBookmarks });
            if (created.Status == StoreStatus.Compacted)
            {
                await ExpiredAsync(after, cancellationToken);
                return;
            }
            using var bookmarks = options.AllowWatchBookmarks ? new PeriodicTimer(endpoint._services.Options.WatchBookmarkInterval, endpoint._services.Time) : null;
            Task? tick = bookmarks?.WaitForNextTickAsync(cancellationToken).AsTask();
            while (!cancellationToken.IsCancellationRequested)
            {
                Task<bool> ready = stream.WaitToReadAsync(cancellationToken).AsTask();
                Task done = tick is null ? await Task.WhenAny(ready) : await Task.WhenAny(ready, tick);
                if (done == tick)
                {
                    stream.RequestProgress();
                    tick = bookmarks!.WaitForNextTickAsync(cancellationToken).AsTask();
                    if (!await ready)
                    {
                        return;
                    }
                }
                else if (!await ready)
                {
                    return;
                }
                while (stream.TryRead(out WatchResponse watchResponse))
                {
                    if (!Deliver(watchResponse))
                    {
                        await ExpiredAsync(after, cancellationToken);
                        return;
                    }
                }
                FlushResult flushed = await _out.FlushAsync(cancellationToken);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }
        }

        /// <summary>Writes one store response; false when the watch was cancelled by compaction.</summary>
        private bool Deliver(in WatchResponse watchResponse)
        {
            switch (watchResponse.Kind)
            {
                case WatchResponseKind.Progress:
                    if (options.AllowWatchBookmarks)
                    {
                        WriteBookmark(watchResponse.Revision, initialEventsEnd: false);
                    }
                    return true;
                case WatchResponseKind.Canceled:
                    return false;
            }
            foreach (WatchEvent watchEvent in watchResponse.Events.Span)
            {
                if (filter.IsEverything && format is ReplyFormat.Json or ReplyFormat.MessagePack)
                {
                    _out.Write(watchEvent.GetEncoded(endpoint.SharedEncoder(format == ReplyFormat.MessagePack)).Span);
                    continue;
                }
                DeliverFiltered(watchEvent);
            }
            return true;
        }

        private void DeliverFiltered(WatchEvent watchEvent)
        {
            long revision = watchEvent.Kv.ModRevision;
            T? previous = watchEvent.PrevKv is { } prev ? endpoint._store.Codec.Decode(prev.Value, revision) : null;
            bool wasMatching = previous is not null && filter.Matches(previous);
            if (watchEvent.Type == WatchEventType.Delete)
            {
                if (wasMatching)
                {
                    Write(WatchEventKind.Deleted, previous!, revision, watchEvent.PrevKv!.Value.Value.Span);
                }
                return;
            }
            T current = endpoint._store.Codec.Decode(watchEvent.Kv.Value, revision);
            bool matches = filter.Matches(current);
            if (matches)
            {
                Write(wasMatching ? WatchEventKind.Modified : WatchEventKind.Added, current, revision, watchEvent.Kv.Value.Span);
            }
            else if (wasMatching)
            {
                Write(WatchEventKind.Deleted, current, revision, watchEvent.Kv.Value.Span);
            }
        }

        private void Write(WatchEventKind kind, T value, long revision, ReadOnlySpan<byte> stored)
        {
            switch (format)
            {
                case ReplyFormat.MessagePack:
                    _out.Write(MessagePackWatchFrames.Frame(kind, revision, stored.IsEmpty ? endpoint._store.Codec.Encode(value) : stored));
                    break;
                case ReplyFormat.Table:
                    WriteTableEvent(kind, value);
                    break;
                default:
                    _out.Write(WatchLines.Event(kind, value));
                    break;
            }
        }

        /// <summary>A Table watch event: a one-row Table, with the column definitions in the first event only (as kube-apiserver does).</summary>
        private void WriteTableEvent(WatchEventKind kind, T value)
        {
            using (var writer = new Utf8JsonWriter(_out))
            {
                writer.WriteStartObject();
                writer.WriteString("type", WatchLines.TypeName(kind));
                writer.WritePropertyName("object");
                TableWriter.Write(writer, endpoint._descriptor, [value], value.Metadata.ResourceVersion, null, options.IncludeObject,
                    endpoint._services.NowSeconds(), columns: !_columnsWritten);
                writer.WriteEndObject();
            }
            _columnsWritten = true;
            _out.Write("\n"u8);
        }

        private void WriteBookmark(long revision, bool initialEventsEnd)
        {
            if (format == ReplyFormat.MessagePack)
            {
                _out.Write(MessagePackWatchFrames.Frame(WatchEventKind.Bookmark, revision, ReadOnlySpan<byte>.Empty));
                return;
            }
            _out.Write(WatchLines.Bookmark(endpoint._descriptor.ApiVersion, endpoint._descriptor.Kind, revision, initialEventsEnd));
        }

        private async Task ExpiredAsync(long after, CancellationToken cancellationToken)
        {
            Status gone = ApiStatus.Gone($"too old resource version: {after} ({endpoint._services.Store.CompactRevision})");
            _out.Write(format == ReplyFormat.MessagePack
                ? MessagePackWatchFrames.Frame(WatchEventKind.Error, 0, ApiMessagePack.Serialize(gone))
                : WatchLines.Error(gone));
            await _out.FlushAsync(cancellationToken);
        }
    }
}

using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Informers;

public sealed partial class Informer<T>
{
    private enum WatchOutcome
    {
        /// <summary>The server ended the watch after delivering something: watch again from the last revision.</summary>
        Ended,
        /// <summary>The server ended the watch without delivering anything.</summary>
        EndedEmpty,
        /// <summary>The revision is compacted (410): relist.</summary>
        Gone,
        /// <summary>The watch could not be opened or ended with an error Status: back off, then watch again.</summary>
        Failed,
    }

    /// <summary>
    /// The reflector (client-go's ListAndWatch): list (paged) into the cache, then watch from the list's revision,
    /// applying events and bookmarks; when a watch ends, watch again from the last revision seen; on 410 Gone relist.
    /// Failed lists and watches wait a jittered exponential backoff on the TimeProvider (reset by any success), and a
    /// watch that keeps ending empty backs off too, so a broken server is never hammered. Runs until cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(_options.Seed ^ StableHash(_resource));
        var backoff = new ReflectorBackoff(_options.InitialBackoff, _options.MaxBackoff, random);
        bool needList = true;
        int emptyWatches = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (needList)
                {
                    ApiResult<(List<T> Items, string ResourceVersion)> listed = await ListAllAsync(cancellationToken);
                    if (!listed.IsOk)
                    {
                        TimeSpan delay = backoff.Next();
                        InformerLog.ListFailed(_logger, _resource, listed.Code, listed.Reason, listed.Error.Message, delay);
                        await Task.Delay(delay, _time, cancellationToken);
                        continue;
                    }
                    ApplyList(listed.Value.Items, listed.Value.ResourceVersion);
                    backoff.Reset();
                    needList = false;
                    emptyWatches = 0;
                }
                (WatchOutcome outcome, Status? error) = await WatchOnceAsync(random, cancellationToken);
                switch (outcome)
                {
                    case WatchOutcome.Gone:
                        InformerLog.Relisting(_logger, _resource, _lastSyncResourceVersion);
                        needList = true;
                        break;
                    case WatchOutcome.Ended:
                        backoff.Reset();
                        emptyWatches = 0;
                        break;
                    case WatchOutcome.EndedEmpty when ++emptyWatches > 1:
                        // One empty watch is a normal timeout or a restarted server; two in a row back off.
                        TimeSpan wait = backoff.Next();
                        InformerLog.EmptyWatch(_logger, _resource, wait);
                        await Task.Delay(wait, _time, cancellationToken);
                        break;
                    case WatchOutcome.Failed:
                        TimeSpan delay = backoff.Next();
                        InformerLog.WatchFailed(_logger, _resource, error?.Code ?? 0, error?.Reason, error?.Message, delay);
                        await Task.Delay(delay, _time, cancellationToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception e)
        {
            InformerLog.ReflectorCrashed(_logger, e, _resource);
            throw;
        }
        finally
        {
            StopHandlers();
        }
    }

    /// <summary>Every page of one consistent list; a continue token that expired mid-way restarts the list once.</summary>
    private async Task<ApiResult<(List<T> Items, string ResourceVersion)>> ListAllAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? token = null;
        bool restarted = false;
        while (true)
        {
            var request = new ListRequest
            {
                Limit = _options.PageSize,
                Continue = token,
                LabelSelector = _options.LabelSelector,
                FieldSelector = _options.FieldSelector,
            };
            ApiResult<ObjectList<T>> page = await _client.ListAsync(_options.Namespace, request, cancellationToken);
            if (page.IsGone && token is not null && !restarted)
            {
                restarted = true;
                items.Clear();
                token = null;
                continue;
            }
            if (!page.IsOk)
            {
                return page.As<(List<T>, string)>();
            }
            items.AddRange(page.Value.Items);
            token = page.Value.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                return ApiResult.Ok((items, page.Value.Metadata.ResourceVersion ?? ""));
            }
        }
    }

    private async Task<(WatchOutcome, Status?)> WatchOnceAsync(Random random, CancellationToken cancellationToken)
    {
        var request = new WatchRequest
        {
            ResourceVersion = _lastSyncResourceVersion,
            AllowBookmarks = true,
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            Timeout = _options.MinWatchTimeout * (1 + random.NextDouble()),
        };
        ApiResult<IWatchStream<T>> opened = await _client.WatchAsync(_options.Namespace, request, cancellationToken);
        if (!opened.IsOk)
        {
            return (opened.IsGone ? WatchOutcome.Gone : WatchOutcome.Failed, opened.Error);
        }
        await using IWatchStream<T> stream = opened.Value;
        bool delivered = false;
        while (true)
        {
            WatchEvent<T>? next = await stream.ReadAsync(cancellationToken);
            if (next is not { } watchEvent)
            {
                return (delivered ? WatchOutcome.Ended : WatchOutcome.EndedEmpty, null);
            }
            switch (watchEvent.Type)
            {
                case WatchEventType.Added or WatchEventType.Modified when watchEvent.Value is { } value:
                    ApplyUpsert(value, watchEvent.ResourceVersion);
                    break;
                case WatchEventType.Deleted when watchEvent.Value is { } value:
                    ApplyDelete(value, watchEvent.ResourceVersion);
                    break;
                case WatchEventType.Bookmark when watchEvent.ResourceVersion.Length > 0:
                    _lastSyncResourceVersion = watchEvent.ResourceVersion;
                    break;
                case WatchEventType.Error:
                    return (watchEvent.Error?.Code == 410 ? WatchOutcome.Gone : WatchOutcome.Failed, watchEvent.Error);
                default:
                    continue;
            }
            delivered = true;
        }
    }

    /// <summary>FNV-1a of the resource name: a seed that differs per kind and is the same in every process.</summary>
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)hash;
    }
}

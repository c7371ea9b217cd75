using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Agent.Fleet;

public sealed partial class SimFleet
{
    private static readonly TimeSpan s_watchBackoffMin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_watchBackoffMax = TimeSpan.FromSeconds(10);

    /// <summary>A watch asks the server to end it after 5-10 minutes (client-go's minWatchTimeout, jittered), then resumes.</summary>
    private static readonly TimeSpan s_watchTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The fleet's one pods watch (client-go's ListAndWatch, without a cache of other nodes' pods): list every pod,
    /// keep those bound to the fleet's nodes, then watch from the list's revision; an ended watch is resumed from the
    /// last revision seen (events or bookmarks), a 410 Gone relists, failures back off. Runs until cancelled.
    /// </summary>
    private async Task WatchPodsAsync(CancellationToken cancellationToken)
    {
        IResourceClient<Pod> pods = _client.Resource<Pod>();
        Random random;
        lock (_gate)
        {
            random = new Random(_random.Next());
        }
        var backoff = new FleetBackoff(s_watchBackoffMin, s_watchBackoffMax, random);
        string? revision = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (revision is null)
            {
                (string? listed, string? failure) = await ListPodsAsync(pods, cancellationToken);
                if (listed is null)
                {
                    TimeSpan delay = backoff.Next();
                    FleetLog.WatchFailed(_logger, "list", failure ?? "", delay);
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
                }
                revision = listed;
            }
            var request = new WatchRequest
            {
                ResourceVersion = revision,
                AllowBookmarks = true,
                FieldSelector = _options.PodFieldSelector,
                Timeout = s_watchTimeout * (1 + random.NextDouble()),
            };
            ApiResult<IWatchStream<Pod>> opened = await pods.WatchAsync(null, request, cancellationToken);
            if (opened.IsGone)
            {
                FleetLog.Relisting(_logger, revision);
                revision = null;
                continue;
            }
            if (!opened.IsOk)
            {
                TimeSpan delay = backoff.Next();
                FleetLog.WatchFailed(_logger, "watch", Describe(opened), delay);
                await Task.Delay(delay, _time, cancellationToken);
                continue;
            }
            (string resumeFrom, int delivered, Status? error) = await ReadWatchAsync(opened.Value, revision, cancellationToken);
            revision = resumeFrom;
            if (error is { Code: 410 })
            {
                FleetLog.Relisting(_logger, revision);
                revision = null;
            }
            else if (error is not null || delivered == 0)
            {
                // An error, or a watch that ended with nothing in it (a server going away): do not spin.
                TimeSpan delay = backoff.Next();
                if (error is not null)
                {
                    FleetLog.WatchFailed(_logger, "watch", $"{error.Code} {error.Reason}: {error.Message}", delay);
                }
                await Task.Delay(delay, _time, cancellationToken);
            }
            else
            {
                backoff.Reset();
            }
        }
    }

    /// <summary>Reads one watch to its end: the revision to resume from, how many events it carried, and its error Status if it ended with one.</summary>
    private async Task<(string Revision, int Delivered, Status? Error)> ReadWatchAsync(IWatchStream<Pod> stream, string revision, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            int delivered = 0;
            while (await stream.ReadAsync(cancellationToken) is { } watchEvent)
            {
                switch (watchEvent.Type)
                {
                    case WatchEventType.Added or WatchEventType.Modified when watchEvent.Value is { } pod:
                        Interlocked.Increment(ref _counters.WatchEvents);
                        OnPod(pod, deleted: false);
                        break;
                    case WatchEventType.Deleted when watchEvent.Value is { } pod:
                        Interlocked.Increment(ref _counters.WatchEvents);
                        OnPod(pod, deleted: true);
                        break;
                    case WatchEventType.Bookmark:
                        break;
                    case WatchEventType.Error:
                        return (revision, delivered, watchEvent.Error ?? new Status { Code = 500, Reason = "InternalError", Message = "watch error" });
                    default:
                        continue;
                }
                delivered++;
                if (watchEvent.ResourceVersion.Length > 0)
                {
                    revision = watchEvent.ResourceVersion;
                }
            }
            return (revision, delivered, null);
        }
    }

    /// <summary>
    /// Lists every pod (paged, one consistent snapshot), takes in those of the fleet's nodes and forgets the tracked
    /// pods the list no longer has (deleted while no watch was open). The list's revision, or null and why not.
    /// </summary>
    private async Task<(string? Revision, string? Failure)> ListPodsAsync(IResourceClient<Pod> pods, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        while (true)
        {
            var request = new ListRequest { Limit = _options.ListPageSize, Continue = token, FieldSelector = _options.PodFieldSelector };
            ApiResult<ObjectList<Pod>> page = await pods.ListAsync(null, request, cancellationToken);
            if (!page.IsOk)
            {
                return (null, Describe(page));
            }
            foreach (Pod pod in page.Value.Items)
            {
                if (OnPod(pod, deleted: false))
                {
                    seen.Add(pod.Metadata.Namespace + "/" + pod.Metadata.Name);
                }
            }
            token = page.Value.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                Interlocked.Increment(ref _counters.PodLists);
                ForgetUnlisted(seen);
                FleetLog.Listed(_logger, seen.Count, page.Value.Metadata.ResourceVersion ?? "");
                return (page.Value.Metadata.ResourceVersion ?? "0", null);
            }
        }
    }

    private void ForgetUnlisted(HashSet<string> seen)
    {
        lock (_gate)
        {
            foreach (FleetPod pod in _pods.Values.Where(p => !seen.Contains(p.Key)).ToArray())
            {
                Remove(pod);
            }
        }
    }

    private static long RevisionOf(string? resourceVersion) =>
        long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long revision) ? revision : 0;
}

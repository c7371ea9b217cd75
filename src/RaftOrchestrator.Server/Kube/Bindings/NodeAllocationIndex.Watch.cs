using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Kube.Bindings;

public sealed partial class NodeAllocationIndex
{
    /// <summary>Pause before listing again after the watch ended (compaction, a snapshot install, a stopping hub).</summary>
    private static readonly TimeSpan s_relistDelay = TimeSpan.FromMilliseconds(100);

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    /// <summary>Asks the current watch for a progress response (null between watches); under <c>_lock</c>.</summary>
    private Action? _requestProgress;

    /// <summary>
    /// Waits until the index reflects at least <paramref name="revision"/> (e.g. the store's revision after a read
    /// barrier). Starts the index on first use. False when it did not get there within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForRevisionAsync(long revision, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        TaskCompletionSource waiter;
        Action? requestProgress;
        lock (_lock)
        {
            if (_revision >= revision)
            {
                return true;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((revision, waiter));
            requestProgress = _requestProgress;
        }
        // A revision that touched no pod, node or allocation key arrives as a progress response, not an event.
        requestProgress?.Invoke();
        try
        {
            await waiter.Task.WaitAsync(timeout, _time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _started.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The replica restarting or stopping (InvalidOperationException, ObjectDisposedException), or a bug:
                // either way a fresh list rebuilds the whole view, and a background service that throws would stop
                // the host, which is far worse than a relist.
                BindingLog.IndexWatchFailed(_logger, e, Revision);
            }
            await Task.Delay(s_relistDelay, _time, stoppingToken);
        }
    }

    /// <summary>Lists the watched range at one revision, then follows it until the watch ends.</summary>
    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        using WatchStream stream = _store.NewWatchStream();
        RangeResult listed = _store.Range(new RangeRequest(WatchedRange));
        lock (_lock)
        {
            ResetLocked();
            foreach (KeyValue kv in listed.Kvs)
            {
                ApplyLocked(kv.Key.Span, kv.Value, kv.ModRevision);
            }
            AdvanceLocked(listed.Revision);
            _requestProgress = stream.RequestProgress;
        }
        try
        {
            WatchCreateResult created = stream.Watch(new WatchRequest(WatchedRange) { StartRevision = listed.Revision + 1 });
            if (created.Status != StoreStatus.Ok)
            {
                return;
            }
            stream.RequestProgress();   // for waiters that came before the stream
            while (await stream.WaitToReadAsync(cancellationToken))
            {
                while (stream.TryRead(out WatchResponse response))
                {
                    if (!Apply(response))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _requestProgress = null;
            }
        }
    }

    /// <summary>False when the watch ended (cancelled or compacted): the caller lists again.</summary>
    private bool Apply(in WatchResponse response)
    {
        if (response.Kind == WatchResponseKind.Canceled)
        {
            return false;
        }
        lock (_lock)
        {
            foreach (WatchEvent change in response.Events.Span)
            {
                ApplyLocked(change.Kv.Key.Span, StateOf(change), change.Kv.ModRevision);
            }
            AdvanceLocked(response.Revision);
        }
        return true;
    }

    /// <summary>
    /// The key's new value, null when the event deletes it. Typed on purpose: in <c>delete ? null : value</c> the null
    /// converts to an empty <see cref="ReadOnlyMemory{T}"/> (through the implicit conversion from an array), so every
    /// delete read as a put of 0 bytes: an undecodable pod or node logged at Error on each pod deletion.
    /// </summary>
    public static ReadOnlyMemory<byte>? StateOf(WatchEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Type == WatchEventType.Delete ? (ReadOnlyMemory<byte>?)null : change.Kv.Value;
    }
}

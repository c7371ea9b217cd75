using System.Globalization;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// Writes pod statuses to the API (the kubelet's status manager). Pod workers hand it the status they want
/// (<see cref="SetPodStatus"/>, never blocking); writers take pods from a work queue keyed by uid, so the statuses
/// of one pod coalesce (only the latest is written) and at most one write per pod is in flight. A write lays the
/// status over the API's (<see cref="PodStatusMerge"/>) and is skipped when that changes nothing; a conflict is
/// retried from the pod as the API now has it. A pod marked for deletion is deleted (gracePeriodSeconds 0, uid
/// precondition, as the kubelet does) once its final status is written. A static pod's status goes to its mirror
/// pod (the API pod of its name whose config.mirror annotation is its uid), which is never deleted from here.
/// </summary>
/// <remarks>
/// <see cref="_gate"/> guards <see cref="_entries"/> and each entry's fields; no call is made while it is held. The
/// base a write starts from is the newer (by resourceVersion) of the informer's cached pod and the pod the last
/// write answered, so a write is not repeated while the cache has not yet caught up with it.
/// </remarks>
public sealed partial class StatusManager
{
    /// <summary>Conflicts retried from a fresh read within one turn before the pod goes back to the queue.</summary>
    private const int ConflictRetries = 3;

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly WorkQueue<string> _queue;
    private readonly IResourceClient<Pod> _pods;
    private readonly Func<string, string, Pod?> _cached;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _writes;

    /// <remarks><paramref name="cached"/>: The pod as the agent's informer has it (namespace, name), or null.</remarks>
    public StatusManager(IClusterClient client, Func<string, string, Pod?> cached, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cached);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _pods = client.Resource<Pod>();
        _cached = cached;
        _time = time;
        _logger = logger;
        _queue = new WorkQueue<string>(time, new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)));
    }

    /// <summary>Status writes that reached the API (successful ones).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>
    /// The status the agent wants for <paramref name="pod"/> (null: none, only the deletion), replacing any not yet
    /// written. <paramref name="deleteWhenWritten"/>: once it is written, delete the pod object (its containers are gone).
    /// </summary>
    public void SetPodStatus(Pod pod, PodStatus? status, bool deleteWhenWritten = false)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string uid = pod.Metadata.Uid ?? "";
        lock (_gate)
        {
            if (!_entries.TryGetValue(uid, out Entry? entry))
            {
                entry = new Entry(pod.Metadata.Namespace ?? "default", pod.Metadata.Name ?? "", uid);
                _entries[uid] = entry;
            }
            entry.Desired = status ?? entry.Desired;
            entry.Delete |= deleteWhenWritten;
        }
        _queue.Add(uid);
    }

    /// <summary>Drops a pod the agent no longer runs (gone from the API).</summary>
    public void Forget(string uid)
    {
        lock (_gate)
        {
            _entries.Remove(uid);
        }
        _queue.Forget(uid);
    }

    /// <summary>Runs <paramref name="writers"/> writers until cancelled.</summary>
    public async Task RunAsync(int writers, CancellationToken cancellationToken)
    {
        using CancellationTokenRegistration stop = cancellationToken.Register(_queue.ShutDown);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(() => WriterAsync(cancellationToken), CancellationToken.None)));
    }

    private async Task WriterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            QueueItem<string> item;
            try
            {
                item = await _queue.TakeAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            if (!item.HasItem)
            {
                return;
            }
            try
            {
                if (await SyncAsync(item.Key, cancellationToken))
                {
                    _queue.Forget(item.Key);
                }
                else
                {
                    _queue.AddRateLimited(item.Key);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AgentLog.StatusWriterCrashed(_logger, e, item.Key);
                _queue.AddRateLimited(item.Key);
            }
            finally
            {
                _queue.Done(item.Key);
            }
        }
    }

    private static long Version(Pod? pod) =>
        long.TryParse(pod?.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long rv) ? rv : -1;

    /// <summary>One pod's pending work. Fields are guarded by the manager's <see cref="_gate"/>.</summary>
    private sealed class Entry(string @namespace, string name, string uid)
    {
        public string Namespace { get; } = @namespace;

        public string Name { get; } = name;

        public string Uid { get; } = uid;

        public PodStatus? Desired { get; set; }

        public bool Delete { get; set; }

        /// <summary>The pod as the last successful write answered it.</summary>
        public Pod? LastWritten { get; set; }

        public bool Deleted { get; set; }

        public string Key => $"{Namespace}/{Name}";
    }
}

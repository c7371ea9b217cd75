using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Scheduling;
using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// One leadership term of the scheduler (kube-scheduler's Scheduler.Run): informers feed the pure
/// <see cref="SchedulerCache"/> (nodes, bound pods) and the <see cref="SchedulingQueue"/> (our unscheduled pods); the
/// loop pops a pod, brings the snapshot up to date (only changed nodes are copied), runs the pod's profile, assumes
/// the pod on the chosen node, runs Reserve and Permit, hands the binding to the <see cref="BindingPipeline{TJob}"/>
/// and takes the next pod without waiting for the bind.
/// </summary>
/// <remarks>
/// Locks: <see cref="_cacheGate"/> guards <see cref="_cache"/> (informer handlers, the loop, bind results and the
/// expiry loop all touch it); <see cref="_snapshot"/> belongs to the loop thread. The queue has its own lock, which is
/// never taken by code that then takes <see cref="_cacheGate"/>, so the two cannot deadlock; the queue's
/// <see cref="Nominator"/> shares the queue's lock, and a cycle reads it once (an immutable view) with no other lock
/// held. Nothing outlives the term: a new term builds a new loop from a fresh list.
/// </remarks>
public sealed partial class SchedulerLoop
{
    private readonly object _cacheGate = new();
    private readonly SchedulerCache _cache;
    private readonly Snapshot _snapshot = new();
    private readonly Profiles _profiles;
    private readonly SchedulingQueue _queue;
    private readonly BindingPipeline<BindJob> _binding;
    private readonly PodStatusWriter _statusWriter;
    private readonly ISharedInformerFactory _informers;
    private readonly IEventRecorder _events;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _scheduled;
    private long _unschedulable;
    private long _podAdds;
    private long _nodeAdds;

    public SchedulerLoop(
        IClusterClient client, IPodBinder binder, ISharedInformerFactory informers, IEventRecorder events,
        SchedulerOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        _informers = informers;
        _events = events;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _cache = new SchedulerCache(options.AssumedPodTtl);
        _profiles = new Profiles(options.Profiles, options.Registry(), options.Seed);
        Scheduling.Scheduler first = _profiles[options.Profiles[0].SchedulerName];
        // kube-scheduler requires every profile to use the same QueueSort; the first profile's orders the queue.
        _queue = new SchedulingQueue(new QueueSortComparer(first.Framework.QueueSort!), PluginEvents.Default, options.Queue, _time);
        _binding = new BindingPipeline<BindJob>(binder, static j => j.Binding, OnBindResult, options.Binding, _time, _logger);
        _statusWriter = new PodStatusWriter(client, _logger);
        informers.For<Pod>().AddHandler(new PodEvents(this));
        informers.For<Node>().AddHandler(new NodeEvents(this));
    }

    public SchedulingQueue Queue => _queue;

    /// <summary>Pods bound so far this term.</summary>
    public long Scheduled => Interlocked.Read(ref _scheduled);

    /// <summary>Attempts that found no node so far this term.</summary>
    public long UnschedulableAttempts => Interlocked.Read(ref _unschedulable);

    /// <summary>Binding groups sent so far this term.</summary>
    public long BindingBatches => _binding.Batches;

    /// <summary>Counts in the cache (tests, diagnostics): nodes, pods, assumed pods.</summary>
    public (int Nodes, int Pods, int Assumed) CacheCounts
    {
        get
        {
            lock (_cacheGate)
            {
                return (_cache.NodeCount, _cache.PodCount, _cache.AssumedPodCount);
            }
        }
    }

    /// <summary>
    /// Runs the term: starts the informers, waits for their first lists, then schedules until cancelled; then closes
    /// the queue and waits for the bindings and status writes in flight.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _informers.Start(stop.Token);
        Task binding = _binding.RunAsync(stop.Token);
        Task writes = _statusWriter.RunAsync(stop.Token);
        Task flushes = _queue.RunAsync(stop.Token);
        Task expiry = ExpireAssumedPodsAsync(stop.Token);
        try
        {
            if (await _informers.WaitForCacheSyncAsync(stop.Token).ConfigureAwait(false))
            {
                await WaitForHandlersAsync(stop.Token).ConfigureAwait(false);
                SchedulerLog.Synced(_logger, CacheCounts.Nodes, _queue.ActiveCount);
                await ScheduleLoopAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the term ended
        }
        finally
        {
            _queue.Close();
            _binding.Complete();
            _statusWriter.Complete();
            await binding.ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(writes, flushes, expiry).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Informers report synced once their first list is cached, but handlers receive it on their own threads: wait
    /// until ours have seen at least as many adds as the caches held, so the first pods are not scheduled against a
    /// half-filled node cache ("no nodes available").
    /// </summary>
    private async Task WaitForHandlersAsync(CancellationToken cancellationToken)
    {
        int nodes = _informers.For<Node>().Lister.List().Count;
        int pods = _informers.For<Pod>().Lister.List().Count;
        while (Interlocked.Read(ref _nodeAdds) < nodes || Interlocked.Read(ref _podAdds) < pods)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExpireAssumedPodsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.AssumedPodCleanupInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            IReadOnlyList<string> expired;
            lock (_cacheGate)
            {
                expired = _cache.CleanupExpiredAssumedPods(_time.GetUtcNow());
            }
            foreach (string uid in expired)
            {
                SchedulerLog.AssumedPodExpired(_logger, uid);
            }
            if (expired.Count > 0)
            {
                _queue.MoveAllToActiveOrBackoff(ClusterEvent.AssignedPodDelete);
            }
        }
    }
}

using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// Thousands of simulated nodes in one process, kwok-style (`rorch sim-nodes`): it registers N Ready nodes, renews
/// their Leases in kube-node-lease, and plays the kubelet for every pod bound to them: after a start latency the pod
/// is Running and Ready, a pod being deleted is stopped and deleted for good, failed starts follow the pod's
/// restartPolicy. No processes, no per-pod tasks: one shared pods watch, one timer queue, and bounded pools of writers.
/// </summary>
/// <remarks>
/// <para>Threads: the watch loop, the timer loop (<see cref="DueQueue"/>), the lease writers and the pod writers.
/// <see cref="_gate"/> guards the pod table, every <see cref="FleetPod"/>, the nodes' IP slots,
/// <see cref="_leaseQueued"/> and <see cref="_random"/>. Nothing awaits while holding it; lock order is
/// <see cref="_gate"/> before the timer queue's own lock.</para>
/// <para>Writes, the "batched" part: lease renewals are spread evenly over the renew interval (node i renews at
/// offset i/N of it) and at most <see cref="SimFleetOptions.LeaseConcurrency"/> are in flight, a renewal still queued
/// when its next slot comes is not queued twice. Pod writes (status, final delete) go through a queue that holds a pod
/// at most once, with at most <see cref="SimFleetOptions.PodWriteConcurrency"/> in flight and one per pod: a write
/// always carries the pod's latest state, so intermediate states coalesce, and a pod whose state did not change since
/// the server accepted its status is not written again.</para>
/// </remarks>
public sealed partial class SimFleet
{
    /// <summary>A failed pod write or lease renewal is tried again after this long.</summary>
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);

    private readonly IClusterClient _client;
    private readonly SimFleetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FleetNode[] _nodes;
    private readonly Dictionary<string, FleetNode> _nodesByName;
    private readonly DueQueue _due;
    private readonly Channel<FleetPod> _podWrites = Channel.CreateUnbounded<FleetPod>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Channel<int> _leaseWrites = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly FleetCounters _counters = new();
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly object _gate = new();
    private readonly Dictionary<string, FleetPod> _pods = new(StringComparer.Ordinal);
    private readonly bool[] _leaseQueued;
    private readonly Random _random;
    private DateTimeOffset _leaseEpoch;

    public SimFleet(IClusterClient client, SimFleetOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _due = new DueQueue(_time);
        _random = new Random(options.Seed);
        _nodes = new FleetNode[options.Count];
        _nodesByName = new Dictionary<string, FleetNode>(options.Count, StringComparer.Ordinal);
        for (int i = 0; i < options.Count; i++)
        {
            int index = options.FirstIndex + i;
            string zone = options.Zones > 0 ? string.Create(CultureInfo.InvariantCulture, $"zone-{index % options.Zones}") : "";
            var node = new FleetNode(i, index, options.NamePrefix + index.ToString(CultureInfo.InvariantCulture), zone);
            _nodes[i] = node;
            _nodesByName.Add(node.Name, node);
        }
        _leaseQueued = new bool[options.Count];
    }

    /// <summary>The fleet's node names, in order.</summary>
    public IEnumerable<string> NodeNames => _nodes.Select(n => n.Name);

    /// <summary>Completes when every node is registered (with its Lease) and the pods watch is about to start.</summary>
    public Task Registered => _registered.Task;

    public FleetStats Stats
    {
        get
        {
            int pods, running, terminating;
            lock (_gate)
            {
                pods = _pods.Count;
                running = _pods.Values.Count(p => p.State == FleetPodState.Running);
                terminating = _pods.Values.Count(p => p.State is FleetPodState.Stopping or FleetPodState.Deleting);
            }
            return new FleetStats
            {
                NodesRegistered = Volatile.Read(ref _counters.NodesRegistered),
                Pods = pods,
                PodsRunning = running,
                PodsTerminating = terminating,
                StatusWrites = Interlocked.Read(ref _counters.StatusWrites),
                StatusConflicts = Interlocked.Read(ref _counters.StatusConflicts),
                PodWriteFailures = Interlocked.Read(ref _counters.PodWriteFailures),
                PodsDeleted = Interlocked.Read(ref _counters.PodsDeleted),
                LeaseRenewals = Interlocked.Read(ref _counters.LeaseRenewals),
                LeaseFailures = Interlocked.Read(ref _counters.LeaseFailures),
                WatchEvents = Interlocked.Read(ref _counters.WatchEvents),
                PodLists = Interlocked.Read(ref _counters.PodLists),
                WriteQueue = Volatile.Read(ref _counters.WriteQueue),
            };
        }
    }

    /// <summary>
    /// Registers the nodes, then runs the fleet until cancelled (the cancellation ends it with
    /// <see cref="OperationCanceledException"/>). The nodes stay registered: like stopped kubelets, they go
    /// NotReady once their leases expire.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = new List<Task>();
        try
        {
            // The writers and the timer run while the nodes register: each node's lease renewals start with it.
            _leaseEpoch = _time.GetUtcNow();
            loops.Add(_due.RunAsync(Fire, stop.Token));
            for (int i = 0; i < _options.LeaseConcurrency; i++)
            {
                loops.Add(LeaseWriterAsync(stop.Token));
            }
            for (int i = 0; i < _options.PodWriteConcurrency; i++)
            {
                loops.Add(PodWriterAsync(stop.Token));
            }
            await RegisterNodesAsync(stop.Token);
            _registered.TrySetResult();
            loops.Add(WatchPodsAsync(stop.Token));
            if (_options.StatsInterval > TimeSpan.Zero)
            {
                loops.Add(LogStatsAsync(stop.Token));
            }
            // Every loop runs until cancelled; the first to end (a bug: it threw) stops the others.
            Task ended = await Task.WhenAny(loops);
            await ended;
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(loops);
            }
            catch (OperationCanceledException)
            {
                // the loops' way of stopping
            }
            _registered.TrySetCanceled(cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task LogStatsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.StatsInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            FleetStats s = Stats;
            FleetLog.Stats(_logger, s.NodesRegistered, s.Pods, s.PodsRunning, s.StatusWrites, s.StatusConflicts, s.PodWriteFailures, s.PodsDeleted,
                s.LeaseRenewals, s.LeaseFailures, s.WatchEvents, s.PodLists, s.WriteQueue);
        }
    }

    /// <summary>Now, to the second: status times are RFC 3339 seconds on the wire, and a rewrite of an unchanged status must be byte-equal.</summary>
    private DateTime NowSeconds()
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static string Describe<T>(ApiResult<T> result) => result.IsOk ? "ok" : $"{result.Code} {result.Reason}: {result.Error.Message}";
}

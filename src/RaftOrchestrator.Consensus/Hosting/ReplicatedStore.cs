using System.Buffers.Binary;
using System.Security.Cryptography;
using DotNext.Net.Cluster.Consensus.Raft;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Consensus.Leases;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Consensus.StateMachine;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>
/// A replica of the replicated store: what the server (the etcd API, later the Kubernetes API) talks to.
/// Writes (<see cref="TxnAsync"/> and friends) go through Raft from any member (a follower forwards its
/// proposals to the leader) and complete once applied here; reads go to the local <see cref="Store"/>,
/// after <see cref="ReadBarrierAsync"/> when they must be linearizable; watches are the local hub's.
///
/// Lifetime: one instance per process. Its Raft machinery (<see cref="ConsensusNode"/>) may be replaced by
/// the WAL watchdog (<c>_node</c> is swapped under <c>_restart</c>); the hub, the proposal pipeline (so
/// proposals in flight are retried against the new incarnation with the same request ids), the lease clock
/// and the waiters live as long as this object.
/// </summary>
public sealed partial class ReplicatedStore : IAsyncDisposable, IApplyObserver
{
    private readonly ReplicaOptions _options;
    private readonly IPeerTransport _transport;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WatchableStore _hub;
    private readonly AppliedIndexWaiters _applied = new();
    private readonly ProposalPipeline _pipeline;
    private readonly ReadIndexCoalescer _reads;
    private readonly ReadIndexCoalescer _leaderReads;
    private readonly LeaseClock _leases;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _restart = new(1, 1);
    private readonly TaskCompletionSource _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConsensusNode? _node;
    private Task _background = Task.CompletedTask;

    private ReplicatedStore(ReplicaOptions options, IPeerTransport transport, ILoggerFactory loggers)
    {
        _options = options;
        _transport = transport;
        _loggers = loggers;
        _logger = loggers.CreateLogger("RaftOrchestrator.Consensus");
        _time = options.TimeProvider;
#pragma warning disable CA2000 // the hub owns its store; snapshot installs replace it
        _hub = new WatchableStore(new KvStore(options.StateMachine.Store));
#pragma warning restore CA2000
        _pipeline = new ProposalPipeline(NewClientId(), options.Pipeline, SendAsync);
        _reads = new ReadIndexCoalescer(ReadIndexRoundAsync, _lifetime.Token);
        _leaderReads = new ReadIndexCoalescer(LeaderBarrierRoundAsync, _lifetime.Token);
        _leases = new LeaseClock(_time);
        MemberId = MemberIds.Of(options.PublicPeerEndPoint);
    }

    /// <summary>This member's etcd-style id (a hash of its advertised peer endpoint).</summary>
    public ulong MemberId { get; }

    public string Name => _options.Name;

    public ReplicaOptions Options => _options;

    /// <summary>The local replica's watchable store: reads (after a barrier if linearizable) and watches.</summary>
    public WatchableStore Store => _hub;

    public bool IsLeader => Node.IsLeader;

    /// <summary>The current Raft term (cheap; for response headers).</summary>
    public long Term => Node.Cluster.Term;

    /// <summary>Completes with the reason if the replica cannot go on (repeated log failures); the host should exit.</summary>
    public Task Fatal => _fatal.Task;

    private ConsensusNode Node => Volatile.Read(ref _node) ?? throw new InvalidOperationException("The replica is not started.");

    /// <summary>Starts a replica on its data directory (restoring its snapshot and replaying its log).</summary>
    public static async Task<ReplicatedStore> StartAsync(
        ReplicaOptions options, IPeerTransport transport, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(loggers);
        var store = new ReplicatedStore(options, transport, loggers);
        try
        {
            store._node = await ConsensusNode.StartAsync(options, store._hub, store, loggers, store.OnLeaderChanged, cancellationToken);
        }
        catch
        {
            store._hub.Dispose();
            throw;
        }
        store._background = Task.WhenAll(
            Task.Run(store.WatchdogAsync, CancellationToken.None),
            Task.Run(store.LeaseLoopAsync, CancellationToken.None),
            Task.Run(store.PublishLoopAsync, CancellationToken.None));
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }
        await _lifetime.CancelAsync();
        _pipeline.Stop();
        await _background.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _restart.WaitAsync(CancellationToken.None);
        try
        {
            if (Interlocked.Exchange(ref _node, null) is { } node)
            {
                await node.DisposeAsync();
            }
        }
        finally
        {
            _restart.Release();
        }
        _hub.Dispose();
        _restart.Dispose();
        _lifetime.Dispose();
    }

    ulong IApplyObserver.LocalClientId => _pipeline.ClientId;

    void IApplyObserver.OnLocalApplied(ulong sequence, CommandResult[] results) => _pipeline.Complete(sequence, results);

    void IApplyObserver.OnApplied(long index) => _applied.Advance(index);

    void IApplyObserver.OnLeaseGranted(long id, long ttlSeconds) => _leases.Granted(id, ttlSeconds);

    void IApplyObserver.OnLeaseRevoked(long id) => _leases.Revoked(id);

    void IApplyObserver.OnRestored(long index)
    {
        if (_leases.IsLeading && Volatile.Read(ref _node) is { } node)
        {
            PromoteLeases(node);
        }
    }

    private void OnLeaderChanged(ConsensusNode node, RaftClusterMember? leader)
    {
        ConsensusLog.LeaderChanged(_logger, leader is null ? "(none)" : MemberIds.Format(leader.EndPoint), node.Cluster.Term);
        if (leader is { IsRemote: false })
        {
            // The new leader's no-op commits on the next heartbeat unless a round starts now (dotnext-raft.md §6: 78 → 5 ms).
            _ = node.Cluster.ForceReplicationAsync(CancellationToken.None).AsTask();
            PromoteLeases(node);
        }
        else
        {
            _leases.Demote();
        }
    }

    private void PromoteLeases(ConsensusNode node)
    {
        ClusterState state = node.Machine.State;
        _leases.Promote(_hub.Kv.ListLeases().Select(l =>
            (l.Id, l.TtlSeconds, state.TryGetCheckpoint(l.Id, out long remaining) ? remaining : (long?)null)));
    }

    private static ulong NewClientId()
    {
        Span<byte> bytes = stackalloc byte[8];
        ulong id;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            id = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }
        while (id == 0);
        return id;
    }
}

using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Consensus.Log;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Consensus.StateMachine;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>
/// One incarnation of a replica's Raft machinery on its data directory: the state machine, the log and the
/// DotNext cluster node. The watch hub outlives incarnations (a restart replaces its store, and watchers
/// resume), so does the proposal pipeline. Started by <see cref="StartAsync"/>; disposed as a whole.
/// Order matters: the state machine restores its snapshot before the log is built (the log reads where its
/// replay starts from it), and DotNext disposes neither the log nor the state machine.
/// </summary>
internal sealed class ConsensusNode : IAsyncDisposable
{
    private readonly MemberConfigurationStorage _members;
    private int _disposed;

    private ConsensusNode(RaftCluster cluster, WriteAheadLog wal, StoreStateMachine machine, MemberConfigurationStorage members)
    {
        Cluster = cluster;
        Wal = wal;
        Machine = machine;
        _members = members;
    }

    public RaftCluster Cluster { get; }

    public WriteAheadLog Wal { get; }

    public StoreStateMachine Machine { get; }

    public long FollowerFlushes => (Wal as DurableWriteAheadLog)?.FollowerFlushes ?? 0;

    /// <summary>True once this member is part of the cluster's configuration (not a standby waiting to be added).</summary>
    public bool IsMember => Cluster.Members.Any(m => !m.IsRemote);

    public bool IsLeader => Cluster.Leader is { IsRemote: false };

    public static async Task<ConsensusNode> StartAsync(
        ReplicaOptions options,
        WatchableStore hub,
        IApplyObserver observer,
        ILoggerFactory loggers,
        Action<ConsensusNode, RaftClusterMember?> leaderChanged,
        CancellationToken cancellationToken)
    {
        ILogger logger = loggers.CreateLogger("RaftOrchestrator.Consensus");
        Directory.CreateDirectory(options.DataDirectory);
        var members = new MemberConfigurationStorage(Path.Combine(options.DataDirectory, "members"));
        var machine = StoreStateMachine.Open(hub, Path.Combine(options.DataDirectory, "snap"), options.StateMachine, observer, logger);
        machine.ConfigurationStorage = members;
        var walOptions = new WriteAheadLog.Options
        {
            Location = Path.Combine(options.DataDirectory, "wal"),
            ChunkSize = options.WalChunkSize,
            MemoryManagement = WriteAheadLog.MemoryManagementStrategy.SharedMemory,
        };
        WriteAheadLog wal = options.DurableFollowerAppends
            ? new DurableWriteAheadLog(walOptions, machine, logger)
            : new WriteAheadLog(walOptions, machine);
        wal.ConfigurationStorage = members;   // at once: the log's applier is already running (see StoreStateMachine)
        var configuration = new RaftCluster.TcpConfiguration(options.PeerEndPoint)
        {
            PublicEndPoint = options.PublicPeerEndPoint,   // what the configuration holds and how this member tells itself apart
            LowerElectionTimeout = options.LowerElectionTimeout,
            UpperElectionTimeout = options.UpperElectionTimeout,
            RequestTimeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            ColdStart = options.ClusterInit,
            ConfigurationStorage = members,
            LoggerFactory = loggers,
        };
        var cluster = new RaftCluster(configuration) { AuditTrail = wal };
        var node = new ConsensusNode(cluster, wal, machine, members);
        cluster.LeaderChanged += (_, leader) => leaderChanged(node, leader);
        try
        {
            await cluster.StartAsync(cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        ConsensusLog.NodeStarted(logger, options.Name, MemberIds.Format(options.PublicPeerEndPoint), cluster.Term,
            machine.AppliedIndex, wal.LastCommittedEntryIndex);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        try
        {
            await Cluster.StopAsync(CancellationToken.None);
        }
        finally
        {
            await Cluster.DisposeAsync();
            await Wal.DisposeAsync();
            await Machine.DisposeAsync();
            _members.Dispose();
        }
    }
}

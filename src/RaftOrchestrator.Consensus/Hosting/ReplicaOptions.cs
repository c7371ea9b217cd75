using System.Net;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Consensus.StateMachine;

namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>Everything a replica needs to start; the defaults are the production ones.</summary>
public sealed record ReplicaOptions
{
    /// <summary>Human-readable member name (etcd's --name).</summary>
    public required string Name { get; init; }

    /// <summary>Holds wal/ (DotNext's log), snap/ (snapshots) and members (the cluster configuration).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where the Raft transport listens (and, unless <see cref="AdvertisedPeerEndPoint"/> is set, how other members reach this one).</summary>
    public required IPEndPoint PeerEndPoint { get; init; }

    /// <summary>
    /// How other members reach this one when that is not <see cref="PeerEndPoint"/> (a proxy or a port mapping in
    /// between: etcd's --initial-advertise-peer-urls). Null: the listen endpoint.
    /// </summary>
    public IPEndPoint? AdvertisedPeerEndPoint { get; init; }

    /// <summary>
    /// The member's identity: the endpoint in the cluster configuration, the peer URL it publishes and joins with,
    /// and the source of its member id. Always the advertised endpoint, never the listen one.
    /// </summary>
    public IPEndPoint PublicPeerEndPoint => AdvertisedPeerEndPoint ?? PeerEndPoint;

    /// <summary>Where clients (and other members forwarding to a leader) reach this member.</summary>
    public IReadOnlyList<string> ClientUrls { get; init; } = [];

    /// <summary>
    /// Bootstrap a new one-member cluster if the data directory knows none (etcd's new cluster, k3s's
    /// --cluster-init). When false, a member without a configuration waits until the leader adds it.
    /// </summary>
    public bool ClusterInit { get; init; } = true;

    /// <summary>Election timeout bounds in ms. A failover takes about one to two of them (dotnext-raft.md §6).</summary>
    public int LowerElectionTimeout { get; init; } = 150;

    public int UpperElectionTimeout { get; init; } = 300;

    /// <summary>How long a Raft request to another member may take; it must cover a follower's fsync.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A proposal not applied by then fails as timed out (etcd's request timeout is 5 s plus two elections).</summary>
    public TimeSpan ProposalTimeout { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Size of one WAL chunk file. DotNext's 4 KiB default means a file per 4 KiB and half the throughput.</summary>
    public int WalChunkSize { get; init; } = 1 << 20;

    /// <summary>
    /// Followers acknowledge entries only once they are on disk (etcd's guarantee). Off only to measure stock
    /// DotNext in the durability tests: acknowledged writes can then be lost in a crash.
    /// </summary>
    public bool DurableFollowerAppends { get; init; } = true;

    /// <summary>
    /// After committing, start a replication round at once so followers learn the commit (and apply, and
    /// deliver watch events) without waiting for the next heartbeat.
    /// </summary>
    public bool PropagateCommits { get; init; } = true;

    /// <summary>How often the leader records the leases' remaining TTLs in the log.</summary>
    public TimeSpan LeaseCheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Restarts after log failures allowed within <see cref="RestartWindow"/> before the replica gives up.</summary>
    public int MaxRestarts { get; init; } = 5;

    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    public StateMachineOptions StateMachine { get; init; } = new();

    public PipelineOptions Pipeline { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

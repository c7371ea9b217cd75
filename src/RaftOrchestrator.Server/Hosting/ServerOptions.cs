using System.Net;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>What `rorch server` was asked to run (after parsing and validation).</summary>
public sealed record ServerOptions
{
    public string Name { get; init; } = "default";

    public string DataDirectory { get; init; } = "data";

    /// <summary>Raft transport (etcd's --listen-peer-urls).</summary>
    public IPEndPoint PeerListen { get; init; } = new(IPAddress.Loopback, 2380);

    /// <summary>
    /// How the other members reach this one's Raft transport, when not at <see cref="PeerListen"/> (a proxy in between:
    /// etcd's --initial-advertise-peer-urls). It is the member's identity (configuration entry, peer URL, member id).
    /// </summary>
    public IPEndPoint? AdvertisePeer { get; init; }

    /// <summary>The etcd v3 gRPC API and the members' peer service (etcd's --listen-client-urls), HTTP/2 without TLS.</summary>
    public IPEndPoint ClientListen { get; init; } = new(IPAddress.Loopback, 2379);

    /// <summary>The client URL other members and clients use; defaults to http://{ClientListen}.</summary>
    public string? AdvertiseClientUrl { get; init; }

    /// <summary>Bootstrap a new cluster when the data directory holds none (the default without --join).</summary>
    public bool ClusterInit { get; init; } = true;

    /// <summary>The client URL of a member of the cluster to join (k3s's --server).</summary>
    public string? Join { get; init; }

    public int ElectionTimeoutMs { get; init; } = 300;

    public int ElectionTimeoutMinMs { get; init; } = 150;

    /// <summary>Hidden: stock DotNext follower appends (no flush before the acknowledgement), for durability tests only.</summary>
    public bool UnsafeNoFollowerFsync { get; init; }

    /// <summary>Hidden, tests only: after this many acknowledged writes, SIGKILL the processes listed in
    /// <see cref="FailpointPidsFile"/> and then this one (a crash right after an acknowledgement).</summary>
    public long FailpointKillAfterAcks { get; init; }

    public string? FailpointPidsFile { get; init; }

    public long SnapshotEntries { get; init; } = 20_000;

    /// <summary>Start a replication round right after each commit so followers apply at once (see ReplicaOptions).</summary>
    public bool PropagateCommits { get; init; } = true;

    public int MaxInflight { get; init; } = 4;

    public string ClientUrl => AdvertiseClientUrl ?? $"http://{ClientListen}";

    /// <summary>The Kubernetes API (HTTP/1.1, or HTTPS with HTTP/2 when a certificate is given).</summary>
    public IPEndPoint ApiListen { get; init; } = new(IPAddress.Loopback, 6443);

    /// <summary>PEM certificate and key for the API; both or neither.</summary>
    public string? TlsCertFile { get; init; }

    public string? TlsKeyFile { get; init; }

    /// <summary>kube-apiserver's --token-auth-file: CSV token,user,uid,"groups".</summary>
    public string? TokenAuthFile { get; init; }

    /// <summary>Where to write the kubeconfig for this API (default: &lt;data-dir&gt;/kubeconfig).</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>How often a watch that allows bookmarks gets one (hidden flag; tests shorten it).</summary>
    public TimeSpan WatchBookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The controllers this replica's embedded controller manager runs while it holds the manager's lease
    /// (--controllers, kube-controller-manager's syntax); null: no embedded manager (--controllers=none).
    /// </summary>
    public string? Controllers { get; init; } = "*";

    /// <summary>
    /// The embedded scheduler's options (profiles from --scheduler-config, --scheduler-binder); it schedules while
    /// this replica holds the kube-scheduler lease. Null: no embedded scheduler (--scheduler=none; also the default
    /// for hosts built in code — tests and benchmarks that bind pods themselves — while `rorch server` turns it on).
    /// </summary>
    public Controllers.Scheduler.SchedulerOptions? SchedulerOptions { get; init; }

    /// <summary>
    /// The embedded node lifecycle controller's --node-monitor-grace-period (hidden flag; tests shorten it so a
    /// silent node turns Unknown in seconds). Null: Kubernetes' 40 s.
    /// </summary>
    public TimeSpan? NodeMonitorGracePeriod { get; init; }

    /// <summary>
    /// The node agent this replica runs in its own process (--agent, the k3s server's agent): it registers this host
    /// as a Node and runs the pods bound to it. Null: none (--agent=none; also the default for hosts built in code).
    /// </summary>
    public EmbeddedAgentOptions? Agent { get; init; }

    public bool ApiTls => TlsCertFile is not null;

    public string ApiUrl => $"{(ApiTls ? "https" : "http")}://{ApiListen}";
}

using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent;

/// <summary>
/// The settings of one <see cref="NodeAgent"/>. Defaults are the kubelet's (KubeletConfiguration), except where a
/// line says otherwise; the durations tests shorten (back-off base, sync retry) are here so tests stay fast.
/// </summary>
public sealed record NodeAgentOptions
{
    /// <summary>The Node's name (the kubelet's --hostname-override): also the lease name and the pods' spec.nodeName.</summary>
    public required string NodeName { get; init; }

    /// <summary>Where pod logs and the agent's state live; its filesystem is the node's ephemeral-storage.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The agent's HTTP port, published as status.daemonEndpoints.kubeletEndpoint.Port (0: none).</summary>
    public int KubeletPort { get; init; }

    /// <summary>The InternalIP address; null: the host's first non-loopback IPv4 address, else 127.0.0.1.</summary>
    public string? InternalIP { get; init; }

    /// <summary>Labels added at registration, beside the well-known ones the agent sets itself.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Taints the Node is registered with (the kubelet's --register-with-taints); kept only at creation.</summary>
    public IReadOnlyList<Taint>? RegisterWithTaints { get; init; }

    /// <summary>capacity.pods (the kubelet's maxPods).</summary>
    public int MaxPods { get; init; } = 110;

    /// <summary>status.nodeInfo.kubeletVersion: the API server's version, as a kubelet of the same release reports.</summary>
    public string KubeletVersion { get; init; } = "v1.32.4-rorch";

    /// <summary>How often the node status is computed and compared with the API's (nodeStatusUpdateFrequency).</summary>
    public TimeSpan NodeStatusUpdateFrequency { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest time between two node status writes when nothing changed (nodeStatusReportFrequency). The
    /// kubelet's default is 5 min; ours is 1 min so the Ready condition's lastHeartbeatTime stays a useful signal for
    /// people reading it even though the lease is the heartbeat.
    /// </summary>
    public TimeSpan NodeStatusReportFrequency { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>spec.leaseDurationSeconds of the node's Lease (nodeLeaseDurationSeconds).</summary>
    public int NodeLeaseDurationSeconds { get; init; } = 40;

    /// <summary>How often the lease is renewed; null: a quarter of its duration (the kubelet's 10 s).</summary>
    public TimeSpan? NodeLeaseRenewInterval { get; init; }

    /// <summary>The first crash-loop back-off (the kubelet's 10 s); each further crash doubles it.</summary>
    public TimeSpan CrashLoopBackOffBase { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest crash-loop back-off (the kubelet's 5 min); after twice this without a crash it resets.</summary>
    public TimeSpan CrashLoopBackOffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait before a pod is synced again after a failure that is not a crash (a missing ConfigMap, a container
    /// the runtime could not create, an API error): the kubelet's pod worker back-off period.
    /// </summary>
    public TimeSpan SyncRetryPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every pod is synced at least this often even without an event (the kubelet's syncFrequency).</summary>
    public TimeSpan PodResyncPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The least grace a container gets when stopped (the kubelet's minimumGracePeriodInSeconds).</summary>
    public TimeSpan MinimumGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Pod status writes in flight at once (different pods; one pod has at most one).</summary>
    public int StatusWriters { get; init; } = 4;

    /// <summary>The watch of this node's pods asks the server to end it after about this long (then resumes).</summary>
    public TimeSpan PodWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A directory of static pod manifests, or one manifest file (the kubelet's staticPodPath, --pod-manifest-path):
    /// their pods run on this node without the API, each mirrored to it. Null: none.
    /// </summary>
    public string? StaticPodPath { get; init; }

    /// <summary>A URL answering a Pod or a PodList to run as static pods (the kubelet's staticPodURL, --manifest-url). Null: none.</summary>
    public Uri? StaticPodUrl { get; init; }

    /// <summary>How often <see cref="StaticPodPath"/> is read in full (the kubelet's fileCheckFrequency).</summary>
    public TimeSpan FileCheckFrequency { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often <see cref="StaticPodUrl"/> is fetched (the kubelet's httpCheckFrequency).</summary>
    public TimeSpan HttpCheckFrequency { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Also read <see cref="StaticPodPath"/> as soon as a file system watcher sees it change (as the kubelet's inotify watch); false: periodic reads only.</summary>
    public bool WatchStaticPodPath { get; init; } = true;

    /// <summary>The HTTP handler of <see cref="StaticPodUrl"/> requests; null: a default SocketsHttpHandler (the system's proxy and certificate checks).</summary>
    public HttpMessageHandler? StaticPodUrlHandler { get; init; }

    /// <summary>Host facts for capacity and nodeInfo; null: read from this host (see <see cref="Nodes.HostFacts.Read"/>).</summary>
    public Nodes.HostFacts? Host { get; init; }

    /// <summary>The HTTP handler of httpGet probes and hooks; null: a SocketsHttpHandler (no proxy, no redirects).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    internal TimeSpan LeaseRenewInterval => NodeLeaseRenewInterval ?? TimeSpan.FromSeconds(NodeLeaseDurationSeconds / 4.0);
}

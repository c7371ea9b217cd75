using RaftOrchestrator.Agent.Sim;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// What a <see cref="SimFleet"/> simulates (`rorch sim-nodes` flags): how many nodes and of what size, how pods on
/// them behave, and how hard the fleet may press on the API (the concurrency bounds).
/// </summary>
public sealed record SimFleetOptions
{
    /// <summary>Node i gets pod CIDR 10.(i/256).(i%256).0/24, so at most 65,536 nodes.</summary>
    public const int MaxCount = 65_536;

    /// <summary>Pod IPs are .1-.254 of the node's /24.</summary>
    public const int MaxPodsPerNode = 254;

    /// <summary>Label every simulated node carries (kwok's nodes carry type=kwok); it selects the fleet's nodes.</summary>
    public const string SimulatedLabel = "node.raftorchestrator.io/simulated";

    public int Count { get; init; } = 1;

    /// <summary>Node i is named prefix + i.</summary>
    public string NamePrefix { get; init; } = "sim-";

    /// <summary>Index of the first node (several sim-nodes processes can share a prefix with disjoint ranges).</summary>
    public int FirstIndex { get; init; }

    public Quantity Cpu { get; init; } = "32";

    public Quantity Memory { get; init; } = "256Gi";

    public int Pods { get; init; } = 110;

    /// <summary>Nodes spread round-robin over zone-0..zone-(n-1) (topology.kubernetes.io/zone); 0: no zone label.</summary>
    public int Zones { get; init; } = 3;

    /// <summary>Further labels on every node.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Taints on every node (kwok-style fleets often taint their nodes so only tolerating pods land there).</summary>
    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>From a bound pod seen to its containers running (sampled per start attempt).</summary>
    public SimLatency StartLatency { get; init; } = SimLatency.Fixed(TimeSpan.FromMilliseconds(200));

    /// <summary>From a deletionTimestamp seen to the final delete (the simulated stop; never longer than the grace period).</summary>
    public TimeSpan StopLatency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Chance that a start attempt fails: the containers exit with code 1 right after starting.</summary>
    public double FailureRate { get; init; }

    /// <summary>Seeds latencies and failures: the same seed and the same pod order give the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The kubelet's CrashLoopBackOff: the first restart waits this long, each further one twice as long.</summary>
    public TimeSpan CrashLoopBackOffBase { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CrashLoopBackOffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every node's Lease in kube-node-lease is renewed this often (the kubelet's 10 s: a quarter of the duration).</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int LeaseDurationSeconds { get; init; } = 40;

    /// <summary>Node and lease creates in flight while registering.</summary>
    public int RegisterConcurrency { get; init; } = 32;

    /// <summary>Lease renewals in flight (renewals are spread evenly over the interval; this caps the burst).</summary>
    public int LeaseConcurrency { get; init; } = 32;

    /// <summary>
    /// Pod writes (status updates and final deletes) in flight. Many in flight make big Raft batches: ro-e2ebench,
    /// 1 replica, 5,000 nodes, 2,000 pods, 2 cores: 64 -> 256 took startup p50 from 1.3-1.8 s to 0.5 s and the
    /// server's CPU from 7.5 to 4.5-5.9 s; 512 was no better, 1,024 worse.
    /// </summary>
    public int PodWriteConcurrency { get; init; } = 256;

    /// <summary>
    /// A field selector for the shared pods watch; null watches every pod. Unfiltered is the default because the
    /// server sends an unfiltered MessagePack watch its stored bytes without decoding, while a selector makes it
    /// decode the old and new object of every pod event; the fleet drops pods of other nodes itself.
    /// </summary>
    public string? PodFieldSelector { get; init; }

    /// <summary>Page size of the pods list before the watch (and of each relist).</summary>
    public int ListPageSize { get; init; } = 500;

    /// <summary>How often the fleet logs its counters; zero: never.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(Count is >= 1 and <= MaxCount, $"count must be between 1 and {MaxCount}");
        Require(FirstIndex >= 0 && (long)FirstIndex + Count <= MaxCount, $"first index + count must be at most {MaxCount}");
        Require(!string.IsNullOrEmpty(NamePrefix), "the name prefix must not be empty");
        Require(Pods is >= 1 and <= MaxPodsPerNode, $"pods per node must be between 1 and {MaxPodsPerNode}");
        Require(Zones >= 0, "zones must not be negative");
        Require(Cpu.TryGetMilliValue(out long cpu) && cpu > 0, $"cpu \"{Cpu}\" is not a positive quantity");
        Require(Memory.TryGetValue(out long memory) && memory > 0, $"memory \"{Memory}\" is not a positive quantity");
        Require(FailureRate is >= 0 and <= 1, "the failure rate must be between 0 and 1");
        Require(StopLatency >= TimeSpan.Zero, "the stop latency must not be negative");
        Require(CrashLoopBackOffBase > TimeSpan.Zero && CrashLoopBackOffMax >= CrashLoopBackOffBase, "the crash-loop back-off must be positive, its maximum at least its base");
        Require(LeaseRenewInterval > TimeSpan.Zero, "the lease renew interval must be positive");
        Require(LeaseDurationSeconds >= 1, "the lease duration must be at least 1 s");
        Require(RegisterConcurrency >= 1 && LeaseConcurrency >= 1 && PodWriteConcurrency >= 1, "concurrency bounds must be at least 1");
        Require(ListPageSize >= 0, "the list page size must not be negative");
        Require(StatsInterval >= TimeSpan.Zero, "the stats interval must not be negative");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

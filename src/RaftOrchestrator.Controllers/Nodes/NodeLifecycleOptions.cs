namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>The node lifecycle controller's tunables, under kube-controller-manager's flag names and defaults.</summary>
public sealed record NodeLifecycleOptions
{
    /// <summary>--node-monitor-period: how often every node's heartbeats are checked.</summary>
    public TimeSpan NodeMonitorPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// --node-monitor-grace-period: how long a node may go without a heartbeat (lease renewal or Ready condition
    /// heartbeat) before it is marked Unknown. Several agent heartbeat intervals, so one lost heartbeat is tolerated.
    /// </summary>
    public TimeSpan NodeMonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>--node-startup-grace-period: the grace of a node that has never posted a status, from its creation.</summary>
    public TimeSpan NodeStartupGracePeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>--node-eviction-rate: nodes per second that may get a NoExecute taint, per zone, in a healthy zone.</summary>
    public double NodeEvictionRate { get; init; } = 0.1;

    /// <summary>--secondary-node-eviction-rate: the rate in a partially disrupted zone larger than the threshold below.</summary>
    public double SecondaryNodeEvictionRate { get; init; } = 0.01;

    /// <summary>--large-cluster-size-threshold: a partially disrupted zone of at most this many nodes stops tainting.</summary>
    public int LargeClusterSizeThreshold { get; init; } = 50;

    /// <summary>--unhealthy-zone-threshold: the fraction of not-ready nodes (and more than two) that makes a zone partially disrupted.</summary>
    public double UnhealthyZoneThreshold { get; init; } = 0.55;

    /// <summary>How often the zone queues are tried (Kubernetes' nodeEvictionPeriod): the granularity of the rate limit.</summary>
    public TimeSpan NodeEvictionPeriod { get; init; } = TimeSpan.FromMilliseconds(100);
}

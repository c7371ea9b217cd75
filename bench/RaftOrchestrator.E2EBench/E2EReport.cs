namespace RaftOrchestrator.E2EBench;

/// <summary>Everything one run measured, as written to the JSON results file.</summary>
internal sealed record E2EReport(
    string Started,
    double Seconds,
    int Cores,
    E2ERunSettings Settings,
    E2EResult Result,
    IReadOnlyList<E2ESample> Timeline,
    IReadOnlyList<int> ReadyPerSecond,
    IReadOnlyList<E2EAnchor> Anchors,
    IReadOnlyList<string> Notes,
    string? Chart);

/// <summary>The settings that shape the figures.</summary>
internal sealed record E2ERunSettings(int Replicas, int Nodes, int Pods, int Deployments, string Mode, double Rate, string StartLatency, string SchedulerBinder,
    IReadOnlyList<string> ServerArgs, IReadOnlyList<string> SimArgs);

/// <summary>
/// The figures. Times are seconds from the first create (or scale) request; latencies are per pod, from the watch
/// event that first showed it to the one that showed the stage. Per-second figures are of whole seconds only.
/// </summary>
internal sealed record E2EResult(
    bool Finished,
    string? Unfinished,
    int Seen,
    int Bound,
    int Running,
    int Ready,
    double SetupSeconds,
    double NodesReadySeconds,
    double OfferSeconds,
    double FirstSeenSeconds,
    double RunSeconds,
    double PodsPerSecond,
    double OfferedPerSecond,
    double PerSecondP50,
    double PerSecondP90,
    double PerSecondP99,
    double PerSecondMax,
    LatencySummary StartupMs,
    LatencySummary ScheduleMs,
    LatencySummary BindToRunningMs,
    int ListedReady,
    double? SimNodesRssMiB,
    IReadOnlyList<double?> MemberRssMiB,
    double? SimNodesCpuSeconds,
    IReadOnlyList<double?> MemberCpuSeconds,
    double BenchCpuSeconds);

/// <summary>One sample of the pods by stage: the chart's data.</summary>
internal sealed record E2ESample(double T, int Pending, int Scheduled, int Running, int Ready);

/// <summary>A published figure to read ours against.</summary>
internal sealed record E2EAnchor(string Name, string Figure, string Source);

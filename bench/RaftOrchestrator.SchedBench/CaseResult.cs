namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One case of one run. Times are from the first pod create: CreateSeconds to the last create's reply, and
/// Throughput's seconds to the last bind seen on the watch. Ratio is PodsPerSecond / KubeSchedulerPodsPerSecond,
/// only for a finished case bound by an external scheduler (a stand-in figure is the API's bind ceiling, not a
/// scheduler's).
/// </summary>
internal sealed record CaseResult(
    string Case,
    int Replicas,
    string Binder,
    string Controllers,
    int Nodes,
    int Pods,
    double NodeSetupSeconds,
    int Created,
    int CreateErrors,
    double CreateSeconds,
    double CreatesPerSecond,
    Throughput Throughput,
    int StandInBinds,
    int StandInBindErrors,
    double? KubeSchedulerPodsPerSecond,
    string KubeSchedulerSource,
    double? Ratio,
    bool Finished,
    string Outcome,
    IReadOnlyList<string> Notes);

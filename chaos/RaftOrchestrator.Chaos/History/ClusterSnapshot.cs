namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// The orchestration state at one revision: a consistent list of nodes, pods and Deployments (one list response's
/// resourceVersion). The traffic takes them while faults run and once at the end, after the faults stopped and the
/// controllers had their convergence window.
/// </summary>
public sealed record ClusterSnapshot(
    long Revision,
    IReadOnlyList<NodeObservation> Nodes,
    IReadOnlyList<PodObservation> Pods,
    IReadOnlyList<DeploymentObservation> Deployments);

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One case of bench/scheduler-workloads.yaml: the nodes to create, the pods to create, the kube-scheduler
/// figure for the same shape (if one is published), and how long the case may take.
/// </summary>
internal sealed class WorkloadCase
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public NodeShape Nodes { get; set; } = new();

    public PodShape Pods { get; set; } = new();

    public KubeSchedulerFigure? KubeScheduler { get; set; }

    /// <summary>Bound on the case from the first pod create; what is bound by then is reported as partial.</summary>
    public double TimeoutSeconds { get; set; } = 300;
}

namespace RaftOrchestrator.E2EBench;

/// <summary>The figures printed next to ours (shared/docs/research/perf-anchors.md), and the goals.</summary>
internal static class Anchors
{
    public static IReadOnlyList<E2EAnchor> All { get; } =
    [
        new("kube-scheduler (scheduler_perf CI floors)", "680-810 pods/s bound", "5,000 nodes, 10k/50k pods, in-process apiserver, no kubelets: kubernetes test/integration/scheduler_perf/misc/performance-config.yaml"),
        new("Nomad C1M", "3,750 containers/s placed", "1,000,000 containers on 5,000 hosts in < 5 min, 5 servers (hashicorp.com/c1m)"),
        new("Kubernetes pod startup SLO", "p99 <= 5 s", "creation to running observed via watch, image pull excluded (sig-scalability slos/pod_startup_latency.md)"),
        new("goal: throughput", ">= 2,000 pods/s to Running", "issue 7"),
        new("goal: startup latency", "p99 <= 1 s at 1,000 pods/s offered", "issue 7 (--rate 1000)"),
    ];
}

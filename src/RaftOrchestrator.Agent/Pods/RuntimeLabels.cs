namespace RaftOrchestrator.Agent.Pods;

/// <summary>The labels the agent puts on sandboxes and containers (the kubelet's io.kubernetes.* CRI labels).</summary>
public static class RuntimeLabels
{
    public const string PodName = "io.kubernetes.pod.name";
    public const string PodNamespace = "io.kubernetes.pod.namespace";
    public const string PodUid = "io.kubernetes.pod.uid";
    public const string ContainerName = "io.kubernetes.container.name";
}

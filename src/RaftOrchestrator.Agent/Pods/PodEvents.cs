namespace RaftOrchestrator.Agent.Pods;

/// <summary>The event reasons the agent records about pods (the kubelet's, pkg/kubelet/events).</summary>
public static class PodEvents
{
    public const string Created = "Created";
    public const string Started = "Started";
    public const string Killing = "Killing";
    public const string BackOff = "BackOff";
    public const string Unhealthy = "Unhealthy";
    public const string Failed = "Failed";
    public const string FailedCreatePodSandBox = "FailedCreatePodSandBox";
    public const string FailedPreStopHook = "FailedPreStopHook";
    public const string FailedPostStartHook = "FailedPostStartHook";
    public const string DeadlineExceeded = "DeadlineExceeded";
}

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>The pod condition types and reasons the agent writes (the kubelet's).</summary>
public static class PodConditionTypes
{
    public const string PodScheduled = "PodScheduled";
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";
    public const string Initialized = "Initialized";
    public const string ContainersReady = "ContainersReady";
    public const string Ready = "Ready";

    public const string ContainersNotInitialized = "ContainersNotInitialized";
    public const string ContainersNotReady = "ContainersNotReady";
    public const string ReadinessGatesNotReady = "ReadinessGatesNotReady";
    public const string PodCompleted = "PodCompleted";

    /// <summary>The conditions the agent owns and rewrites; every other type (PodScheduled, DisruptionTarget, gates) is kept as the API has it.</summary>
    public static bool IsOwned(string type) => type is PodReadyToStartContainers or Initialized or ContainersReady or Ready;
}

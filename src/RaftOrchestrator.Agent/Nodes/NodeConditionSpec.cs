namespace RaftOrchestrator.Agent.Nodes;

/// <summary>
/// The node conditions the agent reports, each with the kubelet's reason, message and the event it records on a
/// transition ("Node n status is now: NodeHasSufficientMemory").
/// </summary>
internal static class NodeConditionSpec
{
    public const string Ready = "Ready";
    public const string MemoryPressure = "MemoryPressure";
    public const string DiskPressure = "DiskPressure";
    public const string PIDPressure = "PIDPressure";

    /// <summary>Type, status, reason, message, event: all healthy, as the agent sees its host (it measures no pressure yet).</summary>
    public static IReadOnlyList<(string Type, string Status, string Reason, string Message, string Event)> Healthy { get; } =
    [
        (MemoryPressure, "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", "NodeHasSufficientMemory"),
        (DiskPressure, "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", "NodeHasNoDiskPressure"),
        (PIDPressure, "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", "NodeHasSufficientPID"),
        (Ready, "True", "KubeletReady", "kubelet is posting ready status", "NodeReady"),
    ];
}

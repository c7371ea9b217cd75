namespace RaftOrchestrator.Agent.Fleet;

internal enum DueKind
{
    /// <summary>The start latency passed: the containers start (or fail).</summary>
    PodStart,
    /// <summary>The crash-loop back-off passed: a new start attempt begins.</summary>
    PodRestart,
    /// <summary>The simulated stop passed: the pod's final delete is queued.</summary>
    PodStopped,
    /// <summary>A failed write's retry time came: the pod goes back into the write queue.</summary>
    PodWriteRetry,
    /// <summary>A node's lease renewal slot came; the next one is scheduled one interval later.</summary>
    LeaseRenewal,
    /// <summary>A failed renewal is tried again (once; the periodic slots go on regardless).</summary>
    LeaseRetry,
}

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>Where a simulated pod is in its life on the fleet.</summary>
internal enum FleetPodState
{
    /// <summary>Accepted; its containers start when the start latency has passed. Nothing is written yet.</summary>
    Starting,
    /// <summary>Containers running and ready: phase Running, Ready True.</summary>
    Running,
    /// <summary>The containers exited with code 1 and wait out the crash-loop back-off (restartPolicy Always, OnFailure).</summary>
    BackOff,
    /// <summary>The containers exited with code 1 and will not restart (restartPolicy Never): phase Failed.</summary>
    Failed,
    /// <summary>A deletionTimestamp was seen; the simulated stop is under way.</summary>
    Stopping,
    /// <summary>Stopped: the final delete (grace 0, uid precondition) is queued or in flight.</summary>
    Deleting,
}

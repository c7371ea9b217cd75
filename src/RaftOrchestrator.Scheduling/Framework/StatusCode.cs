namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// What a plugin's verdict means to the scheduler and its queue (kube-scheduler's framework.Code).
/// </summary>
public enum StatusCode
{
    Success = 0,

    /// <summary>An internal failure: the pod is retried with backoff, no node is blamed.</summary>
    Error,

    /// <summary>The node does not fit now but could (preemption or a cluster change may help).</summary>
    Unschedulable,

    /// <summary>The node can never fit this pod: preemption skips the node.</summary>
    UnschedulableAndUnresolvable,

    /// <summary>Permit only: the pod waits (for the duration in its <see cref="PermitResult"/>).</summary>
    Wait,

    /// <summary>PreFilter/PreScore: the plugin has nothing to do for this pod; its Filter/Score is not called.</summary>
    Skip,
}

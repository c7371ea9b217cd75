namespace RaftOrchestrator.SchedBench;

/// <summary>Who binds the pods of a run.</summary>
internal enum SchedulerMode
{
    /// <summary>A scheduler the harness does not start (embedded in rorch, or a separate process) binds them.</summary>
    External = 0,
    /// <summary>Nothing is expected to bind: the run measures the creates and checks that no pod was bound.</summary>
    None,
    /// <summary>The harness's <see cref="StandInBinder"/> binds them (a test binder, never reported as a scheduler).</summary>
    StandIn,
    /// <summary>
    /// Every pod is created while nothing schedules; then the harness starts `rorch scheduler` as its own process and
    /// measures from its start to the last bind: the scheduler's own rate over a backlog, apart from the create rate.
    /// </summary>
    Backlog,
}

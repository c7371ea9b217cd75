namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>The scheduling queue's tunables; the defaults are kube-scheduler's.</summary>
public sealed record SchedulingQueueOptions
{
    /// <summary>The backoff after the first failed attempt (podInitialBackoffSeconds: 1).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The backoff ceiling (podMaxBackoffSeconds: 10); it doubles per attempt up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pod may stay unschedulable with no event before it is retried anyway (5 min).</summary>
    public TimeSpan PodMaxInUnschedulablePodsDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often completed backoffs are flushed to the active queue (kube-scheduler: 1 s).</summary>
    public TimeSpan BackoffFlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often unschedulable pods are checked against <see cref="PodMaxInUnschedulablePodsDuration"/> (30 s).</summary>
    public TimeSpan UnschedulableFlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The backoff of a pod after <paramref name="attempts"/> attempts: initial × 2^(attempts-1), at most the ceiling.</summary>
    public TimeSpan BackoffFor(int attempts)
    {
        TimeSpan duration = InitialBackoff;
        for (int i = 1; i < attempts; i++)
        {
            duration += duration;
            if (duration >= MaxBackoff)
            {
                return MaxBackoff;
            }
        }
        return duration < MaxBackoff ? duration : MaxBackoff;
    }
}

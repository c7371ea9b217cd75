namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>How bindings are grouped into calls.</summary>
public sealed record BindingPipelineOptions
{
    /// <summary>A group is sent once it has this many bindings (capped by the binder's own maximum).</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>
    /// How long a group waits for more bindings after its first one before it is sent anyway. Short: a pod's bind
    /// latency grows by at most this, while under load groups fill long before it.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Groups sent and not yet answered; further groups wait (back-pressure on a slow store).</summary>
    public int MaxInFlightBatches { get; init; } = 3;
}

namespace RaftOrchestrator.Client.Events;

/// <summary>The options of an <see cref="EventRecorder"/>; the defaults are client-go's (tools/record).</summary>
public sealed record EventRecorderOptions
{
    /// <summary>source.component and reportingComponent: who reports ("replicaset-controller", "default-scheduler").</summary>
    public required string Component { get; init; }

    /// <summary>source.host and reportingInstance; may be empty.</summary>
    public string Host { get; init; } = "";

    /// <summary>Events waiting to be written; more are dropped and counted (client-go's maxQueuedEvents).</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Attempts per event when the server is unreachable or overloaded (client-go's maxTriesPerEvent).</summary>
    public int MaxTries { get; init; } = 12;

    /// <summary>The wait between attempts; the first wait is a random fraction of it, so recorders do not retry in step.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The window of de-duplication (same event) and aggregation (similar events).</summary>
    public TimeSpan AggregationInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Distinct messages of one (object, type, reason) within the window after which they are combined.</summary>
    public int AggregateMaxEvents { get; init; } = 10;

    /// <summary>Events one source may write about one object in a burst.</summary>
    public int SpamBurst { get; init; } = 25;

    /// <summary>One more event per source and object is allowed after each interval.</summary>
    public TimeSpan SpamRefillInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Entries in each correlation cache (least recently used ones are forgotten).</summary>
    public int CacheSize { get; init; } = 4096;

    /// <summary>How long disposal waits for queued events to be written before abandoning them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The seed of the retry jitter.</summary>
    public int RandomSeed { get; init; } = Environment.ProcessId;
}

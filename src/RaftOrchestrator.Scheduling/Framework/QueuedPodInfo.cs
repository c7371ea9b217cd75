using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>A pod in the scheduling queue. Times are supplied by the driver (its TimeProvider); nothing here reads a clock.</summary>
public sealed record QueuedPodInfo(PodInfo Pod, DateTimeOffset Timestamp)
{
    /// <summary>When the pod first entered the queue (Timestamp moves on each re-queue).</summary>
    public DateTimeOffset InitialAttemptTimestamp { get; init; } = Timestamp;

    public int Attempts { get; init; }
}

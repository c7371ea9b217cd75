namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// What the worker does with a key after a reconcile. <see cref="Done"/>: forget its backoff.
/// <see cref="After"/>: forget its backoff and look again after a delay (a deadline, a grace period).
/// <see cref="Retry"/>: a failure worth retrying: requeue with the per-key exponential backoff.
/// </summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter, string? failure)
    {
        RequeueAfter = requeueAfter;
        Failure = failure;
    }

    public static ReconcileResult Done => default;

    public TimeSpan? RequeueAfter { get; }

    /// <summary>Why the reconcile failed; null on success.</summary>
    public string? Failure { get; }

    public bool Failed => Failure is not null;

    public static ReconcileResult After(TimeSpan delay) => new(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, null);

    public static ReconcileResult Retry(string failure) => new(null, failure ?? "failed");

    /// <summary>The earlier of two requeues (for a reconcile that tracks several deadlines).</summary>
    public static ReconcileResult Earliest(ReconcileResult a, ReconcileResult b) =>
        a.Failed ? a : b.Failed ? b
        : a.RequeueAfter is null ? b : b.RequeueAfter is null ? a
        : a.RequeueAfter <= b.RequeueAfter ? a : b;
}

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>What goes wrong between one candidate and the store. Changed by the test between steps.</summary>
internal sealed class FaultPlan
{
    /// <summary>Until then (fake time) calls fail with 503 without reaching the store: a partition.</summary>
    public DateTimeOffset DownUntil { get; set; }

    /// <summary>The next this many writes reach the store and apply, but their answer is lost (503).</summary>
    public int LostAnswers { get; set; }

    /// <summary>Fake time each call spends on the way to the store, and again on the way back.</summary>
    public TimeSpan Latency { get; set; }
}

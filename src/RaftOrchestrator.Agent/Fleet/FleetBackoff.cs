namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// Exponential backoff with jitter for one retry loop: min(max, initial × 2ⁿ) stretched by up to half again, capped
/// at max. Not thread-safe: one loop owns it and its seeded Random.
/// </summary>
internal sealed class FleetBackoff(TimeSpan initial, TimeSpan max, Random random)
{
    private int _failures;

    public TimeSpan Next()
    {
        double exponential = initial.Ticks * Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        double jittered = Math.Min(exponential, max.Ticks) * (1 + (random.NextDouble() * 0.5));
        return TimeSpan.FromTicks((long)Math.Min(jittered, max.Ticks));
    }

    public void Reset() => _failures = 0;
}

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// A token bucket with a burst of one (Kubernetes' evictionLimiterBurst): one action at once, then one per
/// 1/<c>qps</c> seconds. A rate of zero or less never admits anything. With a burst of one the bucket is just the
/// instant its next token is available, kept in ticks so that a pass every 100 ms admits exactly at the interval.
/// Time comes from the controller's clock. Not thread-safe: the monitor loop owns it.
/// </summary>
public sealed class EvictionLimiter
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private DateTimeOffset _availableAt;

    public EvictionLimiter(double qps, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Qps = qps;
        _interval = qps > 0 ? TimeSpan.FromSeconds(1 / qps) : TimeSpan.MaxValue;
        _availableAt = time.GetUtcNow();
    }

    public double Qps { get; }

    public bool TryAccept()
    {
        if (Qps <= 0)
        {
            return false;
        }
        DateTimeOffset now = _time.GetUtcNow();
        if (now < _availableAt)
        {
            return false;
        }
        _availableAt = now + _interval;
        return true;
    }

    /// <summary>
    /// A limiter at a new rate. If this one is empty (a node was just tainted), the new one starts empty too, so a
    /// rate change cannot be used to taint two nodes back to back.
    /// </summary>
    public EvictionLimiter WithRate(double qps)
    {
        if (qps == Qps)
        {
            return this;
        }
        var next = new EvictionLimiter(qps, _time);
        if (qps > 0 && !TryAccept())
        {
            next.TryAccept();
        }
        return next;
    }
}

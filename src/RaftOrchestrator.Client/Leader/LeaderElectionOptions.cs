namespace RaftOrchestrator.Client.Leader;

/// <summary>
/// The options of one <see cref="LeaderElector"/>, with client-go's defaults (15 s / 10 s / 2 s). The three durations
/// carry the safety argument: a leader stops leading <see cref="RenewDeadline"/> after the start of its last
/// successful renewal, while another candidate can take over no sooner than <see cref="LeaseDuration"/> after it
/// first saw that renewal, which is later; the gap absorbs clock-rate drift between the two.
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>client-go's JitterFactor: candidates retry every RetryPeriod × [1, 2.2).</summary>
    public const double JitterFactor = 1.2;

    public required string LeaseNamespace { get; init; }

    public required string LeaseName { get; init; }

    /// <summary>Who we are in holderIdentity; unique per process (host name plus a random suffix, as Kubernetes).</summary>
    public required string Identity { get; init; }

    /// <summary>How long others wait after last seeing the lease change before taking it. Whole seconds (the Lease stores seconds).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a leader keeps leading without a successful renewal.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between acquire attempts (jittered) and between renewals.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On shutdown, clear holderIdentity so another candidate acquires at once (client-go's ReleaseOnCancel).</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <summary>Called with the holder's identity ("" when released) whenever the observed holder changes, ourselves included.</summary>
    public Action<string>? OnNewLeader { get; init; }

    /// <summary>The seed of the retry jitter (tests pass one; production may leave the default).</summary>
    public int JitterSeed { get; init; } = Environment.ProcessId;

    /// <summary>Everything wrong with these options (client-go's NewLeaderElector checks); empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(LeaseNamespace) || string.IsNullOrEmpty(LeaseName))
        {
            problems.Add("the lease namespace and name are required");
        }
        if (string.IsNullOrEmpty(Identity))
        {
            problems.Add("the identity is required");
        }
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problems.Add("leaseDuration must be a whole number of seconds, at least 1");
        }
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= TimeSpan.Zero)
        {
            problems.Add("renewDeadline and retryPeriod must be positive");
        }
        if (LeaseDuration <= RenewDeadline)
        {
            problems.Add("leaseDuration must be greater than renewDeadline");
        }
        if (RenewDeadline <= RetryPeriod * JitterFactor)
        {
            problems.Add($"renewDeadline must be greater than retryPeriod*{JitterFactor}");
        }
        return problems;
    }
}

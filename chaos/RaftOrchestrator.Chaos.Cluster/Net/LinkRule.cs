namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// What a <see cref="LinkProxy"/> does to one ordered link until <see cref="Until"/> (every rule is bounded; an expired
/// rule is gone). A link has at most one rule: a new one replaces it.
/// </summary>
public sealed record LinkRule(LinkRuleKind Kind, DateTimeOffset Until)
{
    /// <summary>Fixed part of the delay of each chunk (<see cref="LinkRuleKind.Delay"/>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Uniform extra delay in [0, Jitter) per chunk (<see cref="LinkRuleKind.Delay"/>).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Chance that a chunk is dropped, in [0, 1] (<see cref="LinkRuleKind.Drop"/>).</summary>
    public double DropProbability { get; init; }

    public DropMode DropMode { get; init; } = DropMode.Reset;

    /// <summary>How long a <see cref="DropMode.BlackholeBurst"/> discards the link's bytes before the reset.</summary>
    public TimeSpan DropBurst { get; init; } = TimeSpan.FromMilliseconds(200);

    public static LinkRule Cut(DateTimeOffset until) => new(LinkRuleKind.Cut, until);

    public static LinkRule Blackhole(DateTimeOffset until) => new(LinkRuleKind.Blackhole, until);

    public static LinkRule Delayed(TimeSpan delay, TimeSpan jitter, DateTimeOffset until) =>
        new(LinkRuleKind.Delay, until) { Delay = delay, Jitter = jitter };

    public static LinkRule Dropping(double probability, DropMode mode, DateTimeOffset until) =>
        new(LinkRuleKind.Drop, until) { DropProbability = Math.Clamp(probability, 0, 1), DropMode = mode };
}

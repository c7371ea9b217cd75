using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Agent.Sim;

/// <summary>
/// How long a simulated step (a container start) takes: a fixed duration, uniform between two bounds, or exponential
/// with a mean (a long tail, as real image pulls and starts have). Text forms: <c>0.2s</c>, <c>uniform:100ms-500ms</c>,
/// <c>exp:200ms</c>. Sampling takes the caller's seeded <see cref="Random"/>, so a run is the same for the same seed.
/// </summary>
public sealed record SimLatency
{
    /// <summary>An exponential sample is capped at this many means, so one unlucky draw cannot stall a pod for minutes.</summary>
    private const double ExponentialCap = 20;

    private SimLatency(SimLatencyKind kind, TimeSpan first, TimeSpan second)
    {
        Kind = kind;
        First = first;
        Second = second;
    }

    public static SimLatency Zero { get; } = new(SimLatencyKind.Fixed, TimeSpan.Zero, TimeSpan.Zero);

    public SimLatencyKind Kind { get; }

    /// <summary>The fixed value, the lower bound (uniform) or the mean (exponential).</summary>
    public TimeSpan First { get; }

    /// <summary>The upper bound of a uniform latency; zero otherwise.</summary>
    public TimeSpan Second { get; }

    public static SimLatency Fixed(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return new SimLatency(SimLatencyKind.Fixed, value, TimeSpan.Zero);
    }

    public static SimLatency Uniform(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return new SimLatency(SimLatencyKind.Uniform, min, max);
    }

    public static SimLatency Exponential(TimeSpan mean)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mean, TimeSpan.Zero);
        return new SimLatency(SimLatencyKind.Exponential, mean, TimeSpan.Zero);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SimLatency? latency, [NotNullWhen(false)] out string? error)
    {
        latency = null;
        string trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith("uniform:", StringComparison.Ordinal))
        {
            string[] bounds = trimmed["uniform:".Length..].Split('-', 2);
            if (bounds.Length != 2)
            {
                error = $"\"{text}\": uniform takes two bounds, uniform:100ms-500ms";
                return false;
            }
            if (!SimDuration.TryParse(bounds[0], out TimeSpan min, out error) || !SimDuration.TryParse(bounds[1], out TimeSpan max, out error))
            {
                return false;
            }
            if (max < min)
            {
                error = $"\"{text}\": the upper bound is below the lower one";
                return false;
            }
            latency = Uniform(min, max);
            return true;
        }
        if (trimmed.StartsWith("exp:", StringComparison.Ordinal))
        {
            if (!SimDuration.TryParse(trimmed["exp:".Length..], out TimeSpan mean, out error))
            {
                return false;
            }
            latency = Exponential(mean);
            return true;
        }
        if (!SimDuration.TryParse(trimmed, out TimeSpan value, out error))
        {
            return false;
        }
        latency = Fixed(value);
        return true;
    }

    /// <summary>One draw. Not thread-safe through <paramref name="random"/>: the caller serialises its use.</summary>
    public TimeSpan Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (Kind)
        {
            case SimLatencyKind.Uniform:
                return First + TimeSpan.FromTicks((long)((Second - First).Ticks * random.NextDouble()));
            case SimLatencyKind.Exponential:
                double draw = -Math.Log(1 - random.NextDouble());
                return TimeSpan.FromTicks((long)(First.Ticks * Math.Min(draw, ExponentialCap)));
            default:
                return First;
        }
    }

    public override string ToString() => Kind switch
    {
        SimLatencyKind.Uniform => $"uniform:{SimDuration.Format(First)}-{SimDuration.Format(Second)}",
        SimLatencyKind.Exponential => $"exp:{SimDuration.Format(First)}",
        _ => SimDuration.Format(First),
    };
}

using System.Text;

namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>
/// A sequence of faults drawn from a seed with <see cref="Random"/>(seed): the same seed, kinds and bounds give the same
/// plan, so a failing run's seed reruns its faults. Durations and gaps are uniform in their bounds (whole milliseconds).
/// </summary>
public sealed class FaultPlan
{
    private FaultPlan(int seed, IReadOnlyList<PlannedFault> steps)
    {
        Seed = seed;
        Steps = steps;
    }

    public int Seed { get; }

    public IReadOnlyList<PlannedFault> Steps { get; }

    public static FaultPlan Generate(int seed, int count, IReadOnlyList<FaultKind> kinds, FaultBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (kinds.Count == 0)
        {
            throw new ArgumentException("At least one fault kind is needed.", nameof(kinds));
        }
        var random = new Random(seed);
        var steps = new List<PlannedFault>(count);
        for (int i = 0; i < count; i++)
        {
            FaultKind kind = kinds[random.Next(kinds.Count)];
            TimeSpan gap = Between(random, bounds.MinGap, bounds.MaxGap);
            TimeSpan duration = Between(random, bounds.MinDuration, bounds.MaxDuration);
            steps.Add(new PlannedFault(i + 1, kind, gap, duration, random.Next(1 << 20)));
        }
        return new FaultPlan(seed, steps);
    }

    /// <summary>Every fault kind, in declaration order.</summary>
    public static IReadOnlyList<FaultKind> AllKinds { get; } = Enum.GetValues<FaultKind>();

    private static TimeSpan Between(Random random, TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMilliseconds(random.NextInt64((long)min.TotalMilliseconds, (long)max.TotalMilliseconds + 1));

    /// <summary>The plan as printed at the start of a run (the seed first, to rerun it).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("fault plan, seed ").Append(Seed).Append(", ").Append(Steps.Count).AppendLine(" steps");
        foreach (PlannedFault step in Steps)
        {
            text.AppendLine(step.ToString());
        }
        return text.ToString();
    }
}

using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.Runner.Traffic;

namespace RaftOrchestrator.Chaos.Runner.Profiles;

/// <summary>
/// What a run does: which faults (as a multiset of kinds; the seed orders them and draws gaps, durations and
/// choices), the bounds of each, how long to warm up before the first fault and how long the cluster and the
/// Deployments get to converge afterwards, and the traffic.
/// </summary>
internal sealed record RunProfile
{
    public required string Name { get; init; }

    /// <summary>The faults to run, each kind as often as it appears (the seed shuffles them).</summary>
    public required IReadOnlyList<FaultKind> Faults { get; init; }

    public required FaultBounds Bounds { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Bound of the wait for every member to agree on a leader after the last fault.</summary>
    public TimeSpan Recovery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound of the wait for the Deployments to converge after the last fault.</summary>
    public TimeSpan Convergence { get; init; } = TimeSpan.FromSeconds(45);

    public KvTrafficOptions Kv { get; init; } = new();

    public KubeTrafficOptions Kube { get; init; } = new();

    public int Watchers { get; init; } = 3;

    /// <summary>
    /// ≤ 3 minutes on two cores: three leader kills, one leader partition, one kill-all-restart, all checkers.
    /// Short faults and gaps: each still outlasts an election.
    /// </summary>
    public static RunProfile Smoke { get; } = new()
    {
        Name = "smoke",
        Faults = [FaultKind.KillLeader, FaultKind.KillLeader, FaultKind.KillLeader, FaultKind.PartitionLeader, FaultKind.KillAllRestart],
        Bounds = new FaultBounds
        {
            MinDuration = TimeSpan.FromSeconds(1.5),
            MaxDuration = TimeSpan.FromSeconds(3),
            MinGap = TimeSpan.FromSeconds(1.5),
            MaxGap = TimeSpan.FromSeconds(3),
        },
    };

    /// <summary>100 leader kills under load, plus every other fault at least once.</summary>
    public static RunProfile Long { get; } = new()
    {
        Name = "long",
        Faults = [.. Enumerable.Repeat(FaultKind.KillLeader, 100), .. FaultPlan.AllKinds.Where(k => k != FaultKind.KillLeader)],
        Bounds = new FaultBounds(),
        Warmup = TimeSpan.FromSeconds(10),
        Recovery = TimeSpan.FromSeconds(60),
        Convergence = TimeSpan.FromSeconds(120),
        // Lists spread over more keys: the list search grows with the unknown appends per key (seed 1 with 3 lists: one key
        // with 10 unknown appends of 3,197 ops ran out of its budget).
        Kv = new KvTrafficOptions { Clients = 6, OpsPerSecond = 15, RegisterKeys = 8, ListKeys = 8 },
        Kube = new KubeTrafficOptions { Deployments = 4 },
    };

    public static RunProfile Parse(string name) => name switch
    {
        "smoke" => Smoke,
        "long" => Long,
        _ => throw new FormatException($"Unknown profile '{name}'; known: smoke, long."),
    };

    /// <summary>
    /// The run's faults: the profile's kinds shuffled by Random(seed), each with a gap, a duration and a target
    /// choice drawn from the same Random in the bounds. The same seed gives the same plan.
    /// </summary>
    public IReadOnlyList<PlannedFault> Plan(int seed)
    {
        var random = new Random(seed);
        FaultKind[] kinds = [.. Faults];
        random.Shuffle(kinds);
        return [.. kinds.Select((kind, i) => new PlannedFault(i + 1, kind, Between(random, Bounds.MinGap, Bounds.MaxGap),
            Between(random, Bounds.MinDuration, Bounds.MaxDuration), random.Next(1 << 20)))];
    }

    private static TimeSpan Between(Random random, TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMilliseconds(random.NextInt64((long)min.TotalMilliseconds, (long)max.TotalMilliseconds + 1));
}

namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>The printed (kebab-case) names of the faults, as the plan, the timeline and the command line use them.</summary>
public static class FaultNames
{
    private static readonly Dictionary<FaultKind, string> s_names = new()
    {
        [FaultKind.KillLeader] = "kill-leader",
        [FaultKind.KillRandom] = "kill-random",
        [FaultKind.RestartMember] = "restart-member",
        [FaultKind.PauseLeader] = "pause-leader",
        [FaultKind.PartitionLeader] = "partition-leader",
        [FaultKind.CutLink] = "cut-link",
        [FaultKind.OneWayCut] = "one-way-cut",
        [FaultKind.DelayLinks] = "delay-links",
        [FaultKind.DropLinks] = "drop-links",
        [FaultKind.KillAllRestart] = "kill-all-restart",
        [FaultKind.RemoveReaddMember] = "remove-readd-member",
    };

    public static string Of(FaultKind kind) => s_names[kind];

    public static FaultKind Parse(string name) =>
        s_names.FirstOrDefault(n => n.Value == name) is { Value: not null } found
            ? found.Key
            : throw new FormatException($"Unknown fault '{name}'; known: {string.Join(", ", s_names.Values)}.");

    public static IReadOnlyCollection<string> All => s_names.Values;
}

using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class TopologySpreadConstraint
{
    [Key(0)] public int MaxSkew { get; set; }

    [Key(1)] public string TopologyKey { get; set; } = "";

    /// <summary>DoNotSchedule or ScheduleAnyway.</summary>
    [Key(2)] public string WhenUnsatisfiable { get; set; } = "";

    [Key(3)] public LabelSelector? LabelSelector { get; set; }

    [Key(4)] public int? MinDomains { get; set; }

    [Key(5)] public string? NodeAffinityPolicy { get; set; }

    [Key(6)] public string? NodeTaintsPolicy { get; set; }

    [Key(7)] public List<string>? MatchLabelKeys { get; set; }
}

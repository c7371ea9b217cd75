using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class Taint
{
    [Key(0)] public string Key { get; set; } = "";

    [Key(1)] public string? Value { get; set; }

    /// <summary>NoSchedule, PreferNoSchedule or NoExecute.</summary>
    [Key(2)] public string Effect { get; set; } = "";

    /// <summary>Set for NoExecute taints only.</summary>
    [Key(3)] public DateTime? TimeAdded { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>
/// meta/v1 Condition, the condition shape of newer APIs (Service status). Type and status are always written.
/// </summary>
[MessagePackObject]
public sealed class Condition
{
    [Key(0)] public string Type { get; set; } = "";

    /// <summary>"True", "False" or "Unknown".</summary>
    [Key(1)] public string Status { get; set; } = "";

    [Key(2)] public long? ObservedGeneration { get; set; }

    [Key(3)] public DateTime? LastTransitionTime { get; set; }

    [Key(4)] public string? Reason { get; set; }

    [Key(5)] public string? Message { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Matches a taint: an empty key with Exists tolerates everything.</summary>
[MessagePackObject]
public sealed class Toleration
{
    [Key(0)] public string? Key { get; set; }

    /// <summary>Equal (the default) or Exists.</summary>
    [Key(1)] public string? Operator { get; set; }

    [Key(2)] public string? Value { get; set; }

    /// <summary>NoSchedule, PreferNoSchedule or NoExecute; empty matches all effects.</summary>
    [Key(3)] public string? Effect { get; set; }

    [Key(4)] public long? TolerationSeconds { get; set; }
}

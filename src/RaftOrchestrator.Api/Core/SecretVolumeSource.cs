using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SecretVolumeSource
{
    [Key(0)] public string? SecretName { get; set; }

    [Key(1)] public List<KeyToPath>? Items { get; set; }

    /// <summary>Defaulted to 420 (0644).</summary>
    [Key(2)] public int? DefaultMode { get; set; }

    [Key(3)] public bool? Optional { get; set; }
}

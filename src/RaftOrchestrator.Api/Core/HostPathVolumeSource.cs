using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class HostPathVolumeSource
{
    [Key(0)] public string Path { get; set; } = "";

    /// <summary>Defaulted to "" (no check).</summary>
    [Key(1)] public string? Type { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ProjectedVolumeSource
{
    [Key(0)] public List<VolumeProjection>? Sources { get; set; }

    /// <summary>Defaulted to 420 (0644).</summary>
    [Key(1)] public int? DefaultMode { get; set; }
}

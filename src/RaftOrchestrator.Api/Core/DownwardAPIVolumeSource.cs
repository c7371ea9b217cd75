using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class DownwardAPIVolumeSource
{
    [Key(0)] public List<DownwardAPIVolumeFile>? Items { get; set; }

    /// <summary>Defaulted to 420 (0644).</summary>
    [Key(1)] public int? DefaultMode { get; set; }
}

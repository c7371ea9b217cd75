using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class DownwardAPIProjection
{
    [Key(0)] public List<DownwardAPIVolumeFile>? Items { get; set; }
}

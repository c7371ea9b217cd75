using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class VolumeMountStatus
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string MountPath { get; set; } = "";

    [Key(2)] public bool? ReadOnly { get; set; }

    [Key(3)] public string? RecursiveReadOnly { get; set; }
}

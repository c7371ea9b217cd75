using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class CSIVolumeSource
{
    [Key(0)] public string Driver { get; set; } = "";

    [Key(1)] public bool? ReadOnly { get; set; }

    [Key(2)] public string? FsType { get; set; }

    [Key(3)] public Dictionary<string, string>? VolumeAttributes { get; set; }

    [Key(4)] public LocalObjectReference? NodePublishSecretRef { get; set; }
}

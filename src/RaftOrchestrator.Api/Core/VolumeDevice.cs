using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class VolumeDevice
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string DevicePath { get; set; } = "";
}

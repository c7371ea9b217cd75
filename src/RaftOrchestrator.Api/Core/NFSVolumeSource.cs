using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NFSVolumeSource
{
    [Key(0)] public string Server { get; set; } = "";

    [Key(1)] public string Path { get; set; } = "";

    [Key(2)] public bool? ReadOnly { get; set; }
}

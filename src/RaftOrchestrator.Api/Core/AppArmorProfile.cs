using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class AppArmorProfile
{
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public string? LocalhostProfile { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SeccompProfile
{
    /// <summary>RuntimeDefault, Unconfined or Localhost.</summary>
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public string? LocalhostProfile { get; set; }
}

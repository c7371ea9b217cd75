using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SELinuxOptions
{
    [Key(0)] public string? User { get; set; }

    [Key(1)] public string? Role { get; set; }

    [Key(2)] public string? Type { get; set; }

    [Key(3)] public string? Level { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Meta;

[MessagePackObject]
public sealed class Preconditions
{
    [Key(0)] public string? Uid { get; set; }

    [Key(1)] public string? ResourceVersion { get; set; }
}

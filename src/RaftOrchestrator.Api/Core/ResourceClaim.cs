using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ResourceClaim
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string? Request { get; set; }
}

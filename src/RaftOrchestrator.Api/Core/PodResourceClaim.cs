using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodResourceClaim
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string? ResourceClaimName { get; set; }

    [Key(2)] public string? ResourceClaimTemplateName { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodDNSConfigOption
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string? Value { get; set; }
}

using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodDNSConfig
{
    [Key(0)] public List<string>? Nameservers { get; set; }

    [Key(1)] public List<string>? Searches { get; set; }

    [Key(2)] public List<PodDNSConfigOption>? Options { get; set; }
}

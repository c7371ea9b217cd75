using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class LoadBalancerIngress
{
    [Key(0)] public string? Ip { get; set; }

    [Key(1)] public string? Hostname { get; set; }

    [Key(2)] public string? IpMode { get; set; }

    [Key(3)] public List<PortStatus>? Ports { get; set; }
}

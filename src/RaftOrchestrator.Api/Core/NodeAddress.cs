using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeAddress
{
    /// <summary>Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.</summary>
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public string Address { get; set; } = "";
}

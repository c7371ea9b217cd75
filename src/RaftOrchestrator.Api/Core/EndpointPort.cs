using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EndpointPort
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public int Port { get; set; }

    [Key(2)] public string? Protocol { get; set; }

    [Key(3)] public string? AppProtocol { get; set; }
}

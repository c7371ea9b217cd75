using MessagePack;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>A port of a slice: name defaults to "" and protocol to TCP; a null port number means all ports.</summary>
[MessagePackObject]
public sealed class EndpointPort
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string? Protocol { get; set; }

    [Key(2)] public int? Port { get; set; }

    [Key(3)] public string? AppProtocol { get; set; }
}

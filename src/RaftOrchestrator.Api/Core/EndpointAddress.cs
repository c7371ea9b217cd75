using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EndpointAddress
{
    [Key(0)] public string Ip { get; set; } = "";

    [Key(1)] public string? Hostname { get; set; }

    [Key(2)] public string? NodeName { get; set; }

    [Key(3)] public ObjectReference? TargetRef { get; set; }
}

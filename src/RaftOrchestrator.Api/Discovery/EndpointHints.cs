using MessagePack;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>Topology-aware routing hints: the zones (and nodes) that should prefer this endpoint.</summary>
[MessagePackObject]
public sealed class EndpointHints
{
    [Key(0)] public List<ForZone>? ForZones { get; set; }

    [Key(1)] public List<ForNode>? ForNodes { get; set; }
}

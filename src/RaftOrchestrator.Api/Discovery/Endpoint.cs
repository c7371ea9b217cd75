using MessagePack;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>One backend of a slice: its addresses (consumers use the first), readiness and where it runs.</summary>
[MessagePackObject]
public sealed class Endpoint
{
    [Key(0)] public List<string> Addresses { get; set; } = [];

    [Key(1)] public EndpointConditions? Conditions { get; set; }

    [Key(2)] public string? Hostname { get; set; }

    /// <summary>The object behind the endpoint, usually its pod.</summary>
    [Key(3)] public ObjectReference? TargetRef { get; set; }

    /// <summary>Deprecated topology labels (v1beta1); zone has its own field in v1.</summary>
    [Key(4)] public Dictionary<string, string>? DeprecatedTopology { get; set; }

    [Key(5)] public string? NodeName { get; set; }

    [Key(6)] public string? Zone { get; set; }

    [Key(7)] public EndpointHints? Hints { get; set; }
}

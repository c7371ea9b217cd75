using MessagePack;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>
/// An endpoint's state. Ready: it should receive traffic (serving and not terminating); serving: it would pass its
/// readiness checks, whether or not it is terminating; terminating: its pod is being deleted. Absent means unknown,
/// which consumers read as ready.
/// </summary>
[MessagePackObject]
public sealed class EndpointConditions
{
    [Key(0)] public bool? Ready { get; set; }

    [Key(1)] public bool? Serving { get; set; }

    [Key(2)] public bool? Terminating { get; set; }
}

using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>A container's limit or request, e.g. limits.memory, scaled by the divisor.</summary>
[MessagePackObject]
public sealed class ResourceFieldSelector
{
    [Key(0)] public string? ContainerName { get; set; }

    [Key(1)] public string Resource { get; set; } = "";

    [Key(2)] public Quantity? Divisor { get; set; }
}

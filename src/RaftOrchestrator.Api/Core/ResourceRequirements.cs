using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>Quantities by resource name (cpu, memory, ephemeral-storage, extended resources).</summary>
[MessagePackObject]
public sealed class ResourceRequirements
{
    [Key(0)] public Dictionary<string, Quantity>? Limits { get; set; }

    /// <summary>Defaulted per resource to the limit when only the limit is given.</summary>
    [Key(1)] public Dictionary<string, Quantity>? Requests { get; set; }

    [Key(2)] public List<ResourceClaim>? Claims { get; set; }
}

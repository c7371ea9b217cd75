using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class WeightedPodAffinityTerm
{
    /// <summary>1-100.</summary>
    [Key(0)] public int Weight { get; set; }

    [Key(1)] public PodAffinityTerm PodAffinityTerm { get; set; } = new();
}

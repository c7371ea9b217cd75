using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>How NodeResourcesFit scores; the default is LeastAllocated over cpu and memory, weight 1 each.</summary>
public sealed record ScoringStrategy(ScoringStrategyType Type, IReadOnlyList<ResourceSpec> Resources)
{
    public static IReadOnlyList<ResourceSpec> DefaultResources { get; } =
        [new ResourceSpec(ResourceNames.Cpu), new ResourceSpec(ResourceNames.Memory)];

    public static ScoringStrategy Default { get; } = new(ScoringStrategyType.LeastAllocated, DefaultResources);

    /// <summary>RequestedToCapacityRatio only; null means [(0, 0), (100, 10)].</summary>
    public IReadOnlyList<UtilizationShapePoint>? Shape { get; init; }
}

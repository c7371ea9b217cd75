namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>NodeResourcesFit's scoring strategies (kubescheduler.config.k8s.io ScoringStrategyType).</summary>
public enum ScoringStrategyType
{
    /// <summary>Favour nodes with the most free capacity (spreading); the default.</summary>
    LeastAllocated,

    /// <summary>Favour the fullest nodes (bin packing).</summary>
    MostAllocated,

    /// <summary>Score from a piecewise-linear function of utilisation (<see cref="ScoringStrategy.Shape"/>).</summary>
    RequestedToCapacityRatio,
}

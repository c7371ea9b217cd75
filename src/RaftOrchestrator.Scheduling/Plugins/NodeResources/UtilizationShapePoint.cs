namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>A point of RequestedToCapacityRatio's function: utilisation 0..100 maps to score 0..10.</summary>
public sealed record UtilizationShapePoint(int Utilization, int Score);

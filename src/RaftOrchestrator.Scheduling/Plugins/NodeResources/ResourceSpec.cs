namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>A resource a scorer looks at and its weight in the weighted average.</summary>
public sealed record ResourceSpec(string Name, long Weight = 1);

namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

public sealed record NodeResourcesFitArgs(ScoringStrategy ScoringStrategy);

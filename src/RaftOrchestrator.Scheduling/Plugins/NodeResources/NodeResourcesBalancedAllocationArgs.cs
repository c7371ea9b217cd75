namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

public sealed record NodeResourcesBalancedAllocationArgs(IReadOnlyList<ResourceSpec> Resources);

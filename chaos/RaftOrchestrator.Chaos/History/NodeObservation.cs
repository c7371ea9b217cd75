namespace RaftOrchestrator.Chaos.History;

/// <summary>A node as listed: its allocatable resources (cpu in millicores, memory in bytes, pod slots).</summary>
public sealed record NodeObservation(string Name, long AllocatableCpuMilli, long AllocatableMemoryBytes, int AllocatablePods);

using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

/// <summary>A node where preemption would let the pod fit: its victims, most important first, and how many of them break a PodDisruptionBudget.</summary>
internal sealed record Candidate(string NodeName, IReadOnlyList<PodInfo> Victims, int PdbViolations);

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>A lease's remaining time to live, as the leader saw it when it checkpointed.</summary>
public readonly record struct LeaseRemaining(long Id, long RemainingSeconds);

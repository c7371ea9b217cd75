using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>A command waiting to be batched into a <see cref="Proposal"/>, and the task its caller awaits.</summary>
internal readonly record struct QueuedCommand(EncodedCommand Command, TaskCompletionSource<ProposalOutcome> Waiter);

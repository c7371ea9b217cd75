using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// A command waiting to be batched into a <see cref="Proposal"/>, and the task its caller awaits. A group
/// (<see cref="ProposalPipeline.ProposeGroupAsync"/>) is queued as consecutive commands whose first carries the
/// group's <see cref="Span"/> (commands) and <see cref="SpanBytes"/>; the others carry a span of 0 and are only
/// ever dequeued with their head, so a group never straddles two entries. A lone command is a span of 1.
/// </summary>
internal readonly record struct QueuedCommand(EncodedCommand Command, TaskCompletionSource<ProposalOutcome> Waiter, int Span, long SpanBytes)
{
    public QueuedCommand(EncodedCommand command, TaskCompletionSource<ProposalOutcome> waiter)
        : this(command, waiter, 1, command.EncodedSize)
    {
    }
}

using RaftOrchestrator.Consensus.StateMachine;

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>The end of one proposed command: its status and, when <see cref="ProposalStatus.Applied"/>, what applying it produced.</summary>
public readonly record struct ProposalOutcome(ProposalStatus Status, CommandResult Result)
{
    public bool IsApplied => Status == ProposalStatus.Applied;
}

using System.Buffers;
using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Consensus.StateMachine;

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// One log entry's worth of this replica's commands, under one <see cref="RequestId"/>. Its bytes are fixed
/// when it is formed, so every retry sends the same entry and the duplicate filter can recognise it.
/// Completed exactly once: by the applier (<see cref="TryComplete"/>) or by giving up (<see cref="TryFail"/>).
/// </summary>
internal sealed class Proposal
{
    private readonly TaskCompletionSource<ProposalOutcome>[] _waiters;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completed;

    public Proposal(ulong clientId, ulong sequence, ulong floor, IReadOnlyList<QueuedCommand> commands)
    {
        Sequence = sequence;
        var buffer = new ArrayBufferWriter<byte>(EntryHeader.HeaderSize + commands.Sum(c => c.Command.EncodedSize));
        new EntryHeader(new RequestId(clientId, sequence), floor, commands.Count).Write(buffer);
        _waiters = new TaskCompletionSource<ProposalOutcome>[commands.Count];
        for (int i = 0; i < commands.Count; i++)
        {
            commands[i].Command.WriteTo(buffer);
            _waiters[i] = commands[i].Waiter;
        }
        Entry = buffer.WrittenMemory;
    }

    public ulong Sequence { get; }

    public int CommandCount => _waiters.Length;

    /// <summary>The log entry: header and commands.</summary>
    public ReadOnlyMemory<byte> Entry { get; }

    /// <summary>Completes when the proposal is applied or abandoned.</summary>
    public Task Done => _done.Task;

    public bool IsDone => Volatile.Read(ref _completed) != 0;

    public bool TryComplete(CommandResult[] results)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }
        for (int i = 0; i < _waiters.Length; i++)
        {
            _waiters[i].TrySetResult(new ProposalOutcome(ProposalStatus.Applied, i < results.Length ? results[i] : default));
        }
        _done.TrySetResult();
        return true;
    }

    public bool TryFail(ProposalStatus status)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }
        foreach (TaskCompletionSource<ProposalOutcome> waiter in _waiters)
        {
            waiter.TrySetResult(new ProposalOutcome(status, default));
        }
        _done.TrySetResult();
        return true;
    }
}

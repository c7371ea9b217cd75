using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Consensus.StateMachine;

namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// Batches this replica's commands into proposals (log entries) and keeps up to
/// <see cref="PipelineOptions.MaxInflight"/> of them in flight. A command arriving while a slot is free goes
/// out at once, alone (lowest latency when idle); commands arriving while every slot is busy queue up and
/// leave together, bounded by <see cref="PipelineOptions.MaxEntryBytes"/>, when the next slot frees (the
/// batch grows with the load, as etcd's proposal batching and Nomad's plan queue do). One transaction is
/// still one command and gets one revision. A group of commands (<see cref="ProposeGroupAsync"/>) is kept
/// together: its commands share one entry (with whatever else fits), each still with its own result.
///
/// Each proposal carries the floor (the oldest sequence still in flight), which lets the duplicate filter
/// forget what this replica will never retry. <c>_lock</c> guards the queue, the in-flight table and the
/// sequence counter; proposals are sent and completed outside it.
/// </summary>
internal sealed class ProposalPipeline(ulong clientId, PipelineOptions options, Func<Proposal, Task> send)
{
    private readonly Lock _lock = new();
    private readonly Queue<QueuedCommand> _queue = new();
    private readonly SortedDictionary<ulong, Proposal> _inflight = [];
    private ulong _nextSequence = 1;
    private bool _stopped;

    public ulong ClientId => clientId;

    public int InflightCount
    {
        get
        {
            lock (_lock)
            {
                return _inflight.Count;
            }
        }
    }

    /// <summary>Queues one command; the task completes when it is applied here or abandoned (never faults).</summary>
    public Task<ProposalOutcome> ProposeAsync(EncodedCommand command)
    {
        if (command.EncodedSize > options.MaxCommandBytes)
        {
            return Task.FromResult(new ProposalOutcome(ProposalStatus.TooLarge, default));
        }
        var waiter = new TaskCompletionSource<ProposalOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        List<Proposal>? ready;
        lock (_lock)
        {
            if (_stopped)
            {
                return Task.FromResult(new ProposalOutcome(ProposalStatus.Stopped, default));
            }
            _queue.Enqueue(new QueuedCommand(command, waiter));
            ready = TakeReady();
        }
        Start(ready);
        return waiter.Task;
    }

    /// <summary>
    /// Queues commands that must share one log entry (a scheduler's bindings, one transaction per node): each is
    /// still its own command with its own revision and result, in the given order. A group larger than one entry
    /// may be (<see cref="PipelineOptions.MaxEntryBytes"/>, <see cref="PipelineOptions.MaxCommandsPerEntry"/>)
    /// is refused whole with <see cref="ProposalStatus.TooLarge"/>; callers split it and propose the parts.
    /// </summary>
    public Task<ProposalOutcome[]> ProposeGroupAsync(IReadOnlyList<EncodedCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            return Task.FromResult(Array.Empty<ProposalOutcome>());
        }
        long bytes = EntryHeader.HeaderSize;
        bool tooLarge = commands.Count > options.MaxCommandsPerEntry;
        foreach (EncodedCommand command in commands)
        {
            bytes += command.EncodedSize;
            tooLarge |= command.EncodedSize > options.MaxCommandBytes;
        }
        if (tooLarge || bytes > options.MaxEntryBytes)
        {
            return Task.FromResult(Filled(commands.Count, ProposalStatus.TooLarge));
        }
        var waiters = new Task<ProposalOutcome>[commands.Count];
        List<Proposal>? ready;
        lock (_lock)
        {
            if (_stopped)
            {
                return Task.FromResult(Filled(commands.Count, ProposalStatus.Stopped));
            }
            for (int i = 0; i < commands.Count; i++)
            {
                var waiter = new TaskCompletionSource<ProposalOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters[i] = waiter.Task;
                _queue.Enqueue(i == 0
                    ? new QueuedCommand(commands[i], waiter, commands.Count, bytes - EntryHeader.HeaderSize)
                    : new QueuedCommand(commands[i], waiter, 0, 0));
            }
            ready = TakeReady();
        }
        Start(ready);
        return Task.WhenAll(waiters);
    }

    private static ProposalOutcome[] Filled(int count, ProposalStatus status)
    {
        var outcomes = new ProposalOutcome[count];
        Array.Fill(outcomes, new ProposalOutcome(status, default));
        return outcomes;
    }

    /// <summary>Applier thread: proposal <paramref name="sequence"/> was applied for the first time.</summary>
    public void Complete(ulong sequence, CommandResult[] results)
    {
        Proposal? proposal;
        lock (_lock)
        {
            _inflight.TryGetValue(sequence, out proposal);
        }
        proposal?.TryComplete(results);
    }

    /// <summary>Fails everything queued or in flight with <see cref="ProposalStatus.Stopped"/>; later proposals fail at once.</summary>
    public void Stop()
    {
        List<QueuedCommand> queued;
        List<Proposal> inflight;
        lock (_lock)
        {
            _stopped = true;
            queued = [.. _queue];
            _queue.Clear();
            inflight = [.. _inflight.Values];
        }
        foreach (QueuedCommand command in queued)
        {
            command.Waiter.TrySetResult(new ProposalOutcome(ProposalStatus.Stopped, default));
        }
        foreach (Proposal proposal in inflight)
        {
            proposal.TryFail(ProposalStatus.Stopped);
        }
    }

    /// <summary>Under <c>_lock</c>: forms proposals from the queue while slots are free.</summary>
    private List<Proposal>? TakeReady()
    {
        List<Proposal>? ready = null;
        while (_queue.Count > 0 && _inflight.Count < options.MaxInflight)
        {
            var batch = new List<QueuedCommand>();
            long bytes = EntryHeader.HeaderSize;
            // The queue's head is always the head of a span (a lone command or a whole group).
            while (_queue.TryPeek(out QueuedCommand next)
                && (batch.Count == 0
                    || (bytes + next.SpanBytes <= options.MaxEntryBytes && batch.Count + next.Span <= options.MaxCommandsPerEntry)))
            {
                for (int i = 0; i < next.Span; i++)
                {
                    batch.Add(_queue.Dequeue());
                }
                bytes += next.SpanBytes;
            }
            ulong sequence = _nextSequence++;
            ulong floor = sequence;
            foreach (ulong inflight in _inflight.Keys)
            {
                floor = inflight;   // the smallest key: the oldest proposal still in flight
                break;
            }
            var proposal = new Proposal(clientId, sequence, floor, batch);
            _inflight.Add(sequence, proposal);
            (ready ??= []).Add(proposal);
        }
        return ready;
    }

    private void Start(List<Proposal>? ready)
    {
        if (ready is null)
        {
            return;
        }
        foreach (Proposal proposal in ready)
        {
            _ = RunAsync(proposal);
        }
    }

    private async Task RunAsync(Proposal proposal)
    {
        try
        {
            await send(proposal);
        }
        finally
        {
            proposal.TryFail(ProposalStatus.TimedOut);   // no-op when it was applied
            List<Proposal>? ready;
            lock (_lock)
            {
                _inflight.Remove(proposal.Sequence);
                ready = _stopped ? null : TakeReady();
            }
            Start(ready);
        }
    }
}

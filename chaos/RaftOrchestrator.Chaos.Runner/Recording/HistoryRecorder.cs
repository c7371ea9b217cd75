using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Runner.Recording;

/// <summary>
/// Collects a run's history as the traffic makes it: operations (invoked, then returned with an outcome), watch
/// records, cluster snapshots and binds. Thread-safe: every client, watcher and observer records through it
/// concurrently; one lock guards all lists (records are small and rare next to the calls they describe).
/// An operation still pending when the history is built (the run stopped it mid-call) is Unknown, as the model
/// demands of a call that never answered. Ids are assigned in invoke order.
/// </summary>
internal sealed class HistoryRecorder(RunClock clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Operation> _pending = [];
    private readonly List<Operation> _returned = [];
    private readonly List<WatchRecord> _watch = [];
    private readonly List<ClusterSnapshot> _snapshots = [];
    private readonly List<BindObservation> _binds = [];
    private long _nextId;

    public RunClock Clock => clock;

    /// <summary>Stamps the invoke time and returns the operation's id, to pass to <see cref="Return"/>.</summary>
    public long Invoke(int client, OperationKind kind, string key, OperationInput input)
    {
        lock (_lock)
        {
            long id = ++_nextId;
            _pending[id] = new Operation(id, client, kind, key, input, clock.Now(), null, OperationOutcome.Unknown);
            return id;
        }
    }

    /// <summary>
    /// Completes a pending operation. Ok and Failed get the return time (Ok keeps its output); Unknown keeps no return
    /// time and no output, whatever was passed. A second return of the same id throws: the client loop is wrong.
    /// </summary>
    public Operation Return(long id, OperationOutcome outcome, OperationOutput? output = null)
    {
        long now = clock.Now();
        lock (_lock)
        {
            if (!_pending.Remove(id, out Operation? invoked))
            {
                throw new InvalidOperationException($"operation {id} is not pending");
            }
            Operation done = outcome switch
            {
                OperationOutcome.Ok => invoked with { ReturnTime = now, Outcome = outcome, Output = output },
                OperationOutcome.Failed => invoked with { ReturnTime = now, Outcome = outcome },
                _ => invoked,
            };
            _returned.Add(done);
            return done;
        }
    }

    public void Watch(WatchRecord record)
    {
        lock (_lock)
        {
            _watch.Add(record);
        }
    }

    public void Snapshot(ClusterSnapshot snapshot)
    {
        lock (_lock)
        {
            _snapshots.Add(snapshot);
        }
    }

    public void Bind(BindObservation bind)
    {
        lock (_lock)
        {
            _binds.Add(bind);
        }
    }

    public int OperationCount
    {
        get
        {
            lock (_lock)
            {
                return _returned.Count + _pending.Count;
            }
        }
    }

    /// <summary>Everything recorded so far, operations in id order, with the final reads the run made at its end.</summary>
    public RecordedHistory Build(IReadOnlyList<FinalRead> finalReads)
    {
        ArgumentNullException.ThrowIfNull(finalReads);
        lock (_lock)
        {
            Operation[] operations = [.. _returned.Concat(_pending.Values).OrderBy(o => o.Id)];
            return new RecordedHistory(operations, [.. _watch], [.. finalReads], [.. _snapshots], [.. _binds]);
        }
    }
}

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// Owner uids a live read found absent. A uid names one object forever, so an absent uid stays absent: the
/// dependents of a deleted owner (a ReplicaSet's hundreds of pods) read it once, not once each. Bounded: the oldest
/// entries are forgotten first, which costs at most a repeated read. Thread-safe.
/// </summary>
internal sealed class AbsentOwnerCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _uids = [];
    private readonly Queue<string> _order = new();

    public bool Contains(string uid)
    {
        lock (_lock)
        {
            return _uids.Contains(uid);
        }
    }

    public void Add(string uid)
    {
        lock (_lock)
        {
            if (!_uids.Add(uid))
            {
                return;
            }
            _order.Enqueue(uid);
            if (_order.Count > capacity)
            {
                _uids.Remove(_order.Dequeue());
            }
        }
    }
}

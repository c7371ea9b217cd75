namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// One zone's queue of nodes waiting for a NoExecute taint (Kubernetes' RateLimitedTimedQueue): nodes in the order
/// they were marked, each taken only when its retry time has come and the zone's <see cref="EvictionLimiter"/>
/// admits it. A node is in the queue at most once. Not thread-safe: the monitor loop owns it.
/// </summary>
public sealed class ZoneTainter(double qps, TimeProvider time)
{
    private readonly List<Entry> _queue = [];

    public EvictionLimiter Limiter { get; private set; } = new(qps, time);

    public int Count => _queue.Count;

    public void SwapRate(double rate) => Limiter = Limiter.WithRate(rate);

    public bool Contains(string node) => _queue.Exists(e => e.Node == node);

    /// <summary>Queues the node unless it is queued already; true if it was added.</summary>
    public bool Add(string node)
    {
        if (Contains(node))
        {
            return false;
        }
        _queue.Add(new Entry(node, time.GetUtcNow()));
        return true;
    }

    public bool Remove(string node) => _queue.RemoveAll(e => e.Node == node) > 0;

    /// <summary>
    /// Takes due nodes from the head while the limiter admits them. <paramref name="action"/> returns null when the
    /// node is done with (tainted, or no longer needing it), else how long to wait before trying that node again.
    /// </summary>
    public async Task TryAsync(Func<string, CancellationToken, ValueTask<TimeSpan?>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        while (_queue.Count > 0)
        {
            DateTimeOffset now = time.GetUtcNow();
            Entry head = Head();
            if (head.ProcessAt > now || !Limiter.TryAccept())
            {
                return;
            }
            _queue.Remove(head);
            if (await action(head.Node, cancellationToken) is { } wait)
            {
                _queue.Add(head with { ProcessAt = time.GetUtcNow() + wait });
            }
        }
    }

    /// <summary>The entry due first; the earliest marked among equals (marks are in time order, retries later).</summary>
    private Entry Head()
    {
        Entry head = _queue[0];
        foreach (Entry entry in _queue)
        {
            if (entry.ProcessAt < head.ProcessAt)
            {
                head = entry;
            }
        }
        return head;
    }

    private readonly record struct Entry(string Node, DateTimeOffset ProcessAt);
}

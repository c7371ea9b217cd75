namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Decides, per proposal, whether it is the first application of its <see cref="RequestId"/>, so a proposal
/// retried after a leader change (it may already be in the log) applies once. Part of the replicated state:
/// every replica feeds it the same entries in the same order, so it decides the same everywhere, and it is
/// saved in snapshots.
///
/// A proposer keeps several proposals in flight, and forwarded ones can reach the log out of order, so a
/// "highest sequence seen" rule would drop a late but new proposal. Instead each client has a window: its
/// floor (every entry carries the proposer's lowest sequence still awaiting an answer; below it the proposer
/// never retries) and the set of sequences applied at or above the floor. A sequence below the floor or in
/// the set is a duplicate. The set holds at most the proposer's in-flight window.
///
/// Clients are forgotten deterministically, by log index rather than by clock: a client whose last entry is
/// more than <c>retention</c> entries old is dropped once the table is over <c>maxClients</c>. A client
/// must not retry a proposal older than that window (the replicas' retries take seconds).
/// Not thread-safe: the applier owns it.
/// </summary>
public sealed class DuplicateFilter(int maxClients = 100_000, long retention = 1_000_000)
{
    private readonly Dictionary<ulong, ClientWindow> _clients = [];

    public int ClientCount => _clients.Count;

    /// <summary>
    /// True for the first sight of <paramref name="id"/> (recorded); false for a duplicate or a sequence below
    /// the client's floor. <paramref name="floor"/> is the floor the entry at log <paramref name="index"/> carries.
    /// </summary>
    public bool TryAccept(RequestId id, ulong floor, long index)
    {
        if (id.IsNone)
        {
            return true;
        }
        if (!_clients.TryGetValue(id.ClientId, out ClientWindow? window))
        {
            window = new ClientWindow();
            _clients.Add(id.ClientId, window);
        }
        window.LastIndex = index;
        if (floor > window.Floor)
        {
            window.Floor = floor;
            window.Applied.RemoveWhere(s => s < floor);
        }
        if (id.Sequence < window.Floor || !window.Applied.Add(id.Sequence))
        {
            return false;
        }
        if (_clients.Count > maxClients)
        {
            Forget(index);
        }
        return true;
    }

    /// <summary>Every client's window, ordered by client id (for snapshots).</summary>
    public IEnumerable<DuplicateFilterEntry> Entries =>
        _clients.OrderBy(c => c.Key).Select(c => new DuplicateFilterEntry(
            c.Key, c.Value.Floor, c.Value.LastIndex, [.. c.Value.Applied.Order()]));

    /// <summary>Restores one client's window from a snapshot.</summary>
    public void Restore(DuplicateFilterEntry entry)
    {
        var window = new ClientWindow { Floor = entry.Floor, LastIndex = entry.LastIndex };
        window.Applied.UnionWith(entry.Applied);
        _clients[entry.ClientId] = window;
    }

    public void Clear() => _clients.Clear();

    private void Forget(long index)
    {
        foreach (ulong client in _clients.Where(c => index - c.Value.LastIndex > retention).Select(c => c.Key).ToList())
        {
            _clients.Remove(client);
        }
    }

    private sealed class ClientWindow
    {
        public ulong Floor { get; set; }

        public long LastIndex { get; set; }

        public HashSet<ulong> Applied { get; } = [];
    }
}

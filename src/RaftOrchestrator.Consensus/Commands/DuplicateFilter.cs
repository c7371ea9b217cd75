namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Remembers, per client, the highest sequence applied, so a proposal retried after a leader change (it may
/// already be in the log) applies once. Part of the replicated state: every replica feeds it the same
/// entries in the same order, so it decides the same everywhere, and it is saved in snapshots.
///
/// Clients are forgotten deterministically, by log index rather than by clock: a client whose last applied
/// entry is more than <c>retention</c> entries old is dropped once the table is over <c>maxClients</c>.
/// A client must not retry a request older than that window (the API layer's retries take seconds).
/// Not thread-safe: the applier owns it.
/// </summary>
public sealed class DuplicateFilter(int maxClients = 100_000, long retention = 1_000_000)
{
    private readonly Dictionary<ulong, (ulong Sequence, long Index)> _clients = [];

    public int ClientCount => _clients.Count;

    /// <summary>
    /// Decides whether the entry at log <paramref name="index"/> carrying <paramref name="id"/> should be applied:
    /// true for the first sight of the sequence (recorded), false for a sequence at or below the last applied one.
    /// </summary>
    public bool TryAccept(RequestId id, long index)
    {
        if (id.IsNone)
        {
            return true;
        }
        if (_clients.TryGetValue(id.ClientId, out var last) && id.Sequence <= last.Sequence)
        {
            return false;
        }
        _clients[id.ClientId] = (id.Sequence, index);
        if (_clients.Count > maxClients)
        {
            Forget(index);
        }
        return true;
    }

    /// <summary>Every client's last applied sequence and index, ordered by client id (for snapshots).</summary>
    public IEnumerable<(ulong ClientId, ulong Sequence, long Index)> Entries =>
        _clients.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Sequence, c.Value.Index));

    /// <summary>Restores one entry from a snapshot.</summary>
    public void Restore(ulong clientId, ulong sequence, long index) => _clients[clientId] = (sequence, index);

    private void Forget(long index)
    {
        foreach (ulong client in _clients.Where(c => index - c.Value.Index > retention).Select(c => c.Key).ToList())
        {
            _clients.Remove(client);
        }
    }
}

using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Leases;

/// <summary>
/// A granted lease and the live keys attached to it. The store only keeps this data; deciding when a
/// lease expires (and proposing its revocation) belongs to the replicated layer above.
/// Guarded by the store's lock like the rest of its state.
/// </summary>
internal sealed class Lease(long id, long ttlSeconds)
{
    public long Id { get; } = id;

    public long TtlSeconds { get; } = ttlSeconds;

    /// <summary>Attached keys by identity: a live key keeps its <see cref="KeyIndex"/> until it is deleted.</summary>
    public HashSet<KeyIndex> Keys { get; } = [];

    public LeaseInfo ToInfo() => new(Id, TtlSeconds, Keys.Count);
}

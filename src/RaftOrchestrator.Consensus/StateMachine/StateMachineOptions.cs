using RaftOrchestrator.Storage;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>Tunables of the replicated state machine.</summary>
public sealed record StateMachineOptions
{
    /// <summary>
    /// Take a snapshot after this many entries since the last one. Fewer entries mean a shorter replay after
    /// a restart but more snapshot writes; etcd 3.4 uses 100,000 entries of one request each, and an entry
    /// here holds a whole batch.
    /// </summary>
    public long SnapshotEntries { get; init; } = 20_000;

    /// <summary>...or after this many bytes of entries, whichever comes first (bounds the log's disk use).</summary>
    public long SnapshotBytes { get; init; } = 256L << 20;

    public StoreOptions Store { get; init; } = StoreOptions.Default;

    /// <summary>
    /// Tests only (a failpoint, as etcd's gofail): when it returns true for an entry's index, applying that entry
    /// throws, which kills DotNext's log the way its own background failures do.
    /// </summary>
    internal Func<long, bool>? ApplyFault { get; init; }
}

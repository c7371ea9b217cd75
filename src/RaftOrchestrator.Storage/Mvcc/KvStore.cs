using RaftOrchestrator.Storage.Leases;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The MVCC key-value store (etcd's mvcc kvstore): one cluster-wide revision, every version of every key
/// above the compaction point, leases as data. In memory; durability is the replicated layer's job, and
/// <see cref="WriteSnapshotAsync"/> / <see cref="Restore"/> move the whole state.
///
/// Threading and locks, in the only order they are ever taken:
/// <list type="number">
/// <item><c>_writerGate</c> (Monitor): serialises writers, so there is one writer at a time even if callers
///   misbehave. Held for a whole write transaction including the change listener's notification, and by
///   compaction.</item>
/// <item><c>_lock</c> (reader-writer): guards the tree, the key indexes, the revision log, the leases and
///   the compaction revision. Writers hold it in write mode only while mutating; readers in read mode for
///   one range. The change listener is called after it is released.</item>
/// <item><c>_maintenance</c>: one snapshot or compaction at a time, so a snapshot's revisions are never
///   compacted under it. Taken before the writer gate by compaction.</item>
/// </list>
/// <see cref="CurrentRevision"/> is published with a volatile write after a transaction's changes are in
/// place, so a reader that sees revision r can read everything up to r.
/// </summary>
public sealed partial class KvStore : IDisposable
{
    private readonly object _writerGate = new();
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _maintenance = new(1, 1);
    private readonly StoreOptions _options;
    private readonly TreeIndex _tree = new();
    private readonly Dictionary<long, Lease> _leases = [];
    private RevisionLog _log;
    private long _currentRevision;
    private long _compactRevision;
    private IChangeListener? _listener;

    public KvStore(StoreOptions? options = null)
        : this(options ?? StoreOptions.Default, currentRevision: 0, compactRevision: 0)
    {
    }

    private KvStore(StoreOptions options, long currentRevision, long compactRevision)
    {
        _options = options;
        _currentRevision = currentRevision;
        _compactRevision = compactRevision;
        _log = new RevisionLog(Math.Max(compactRevision, 1));
    }

    public StoreOptions Options => _options;

    /// <summary>The newest committed revision (0 for an empty store).</summary>
    public long CurrentRevision => Volatile.Read(ref _currentRevision);

    /// <summary>Reads and watches below this revision answer <see cref="StoreStatus.Compacted"/>.</summary>
    public long CompactRevision => Volatile.Read(ref _compactRevision);

    /// <summary>Number of keys with at least one retained version (live or not).</summary>
    public int IndexedKeyCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _tree.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    internal void SetListener(IChangeListener listener)
    {
        lock (_writerGate)
        {
            if (_listener is not null)
            {
                throw new InvalidOperationException("The store already has a change listener.");
            }
            _listener = listener;
        }
    }

    /// <summary>Runs <paramref name="read"/> under the read lock (for watch catch-up and snapshots).</summary>
    internal TResult Read<TState, TResult>(TState state, Func<KvStore, TState, TResult> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(this, state);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    internal RevisionLog Log => _log;

    public void Dispose()
    {
        _lock.Dispose();
        _maintenance.Dispose();
    }
}

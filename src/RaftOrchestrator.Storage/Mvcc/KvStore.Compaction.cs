namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Drops history below <paramref name="revision"/>: afterwards reads and watches below it answer
    /// <see cref="StoreStatus.Compacted"/>, reads at or above it are unchanged, and every change at or
    /// above it stays available to watchers (see <see cref="KeyIndex.Compact"/>).
    ///
    /// Only keys changed between the previous compaction point and this one can hold versions to drop (any
    /// other key's newest version below the point is its only one there, and is kept), so the cost is the
    /// number of changes dropped, not the number of keys. Under one write lock the compaction revision is
    /// published, those keys are collected from the revision log and the log is trimmed; the keys are then
    /// compacted in batches of <see cref="StoreOptions.CompactionBatchSize"/>, each under its own hold of the
    /// writer gate and the write lock, so readers and writers interleave. That is safe: a version a writer
    /// adds is above the compaction revision and survives whether its key was trimmed already or not.
    /// Waits for a snapshot in progress (see <c>_maintenance</c>).
    /// </summary>
    public StoreStatus Compact(long revision)
    {
        _maintenance.Wait();
        try
        {
            KeyIndex[] touched;
            lock (_writerGate)
            {
                _lock.EnterWriteLock();
                try
                {
                    if (revision <= _compactRevision)
                    {
                        return StoreStatus.Compacted;
                    }
                    if (revision > _currentRevision)
                    {
                        return StoreStatus.FutureRevision;
                    }
                    Volatile.Write(ref _compactRevision, revision);
                    touched = ChangedBefore(revision);
                    _log.TrimBefore(revision);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }
            for (int from = 0; from < touched.Length; from += _options.CompactionBatchSize)
            {
                CompactBatch(revision, touched.AsSpan(from, Math.Min(_options.CompactionBatchSize, touched.Length - from)));
            }
            return StoreStatus.Ok;
        }
        finally
        {
            _maintenance.Release();
        }
    }

    /// <summary>Each key with a change still in the log below <paramref name="revision"/>, once.</summary>
    private KeyIndex[] ChangedBefore(long revision)
    {
        var keys = new HashSet<KeyIndex>();
        RevisionLog.Changes changes = _log.Between(_log.OldestMain, revision - 1);
        while (changes.MoveNext())
        {
            keys.Add(changes.CurrentKey);
        }
        return [.. keys];
    }

    private void CompactBatch(long revision, ReadOnlySpan<KeyIndex> keys)
    {
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                foreach (KeyIndex index in keys)
                {
                    if (index.Compact(revision))
                    {
                        _tree.Remove(index.Key);
                    }
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }
}

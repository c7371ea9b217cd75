namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Drops history below <paramref name="revision"/>: afterwards reads and watches below it answer
    /// <see cref="StoreStatus.Compacted"/>, reads at or above it are unchanged, and every change at or
    /// above it stays available to watchers (see <see cref="KeyIndex.Compact"/>).
    ///
    /// Only keys changed between the previous compaction point and this one can hold versions to drop (any
    /// other key's newest version below the point is its only one there, and is kept), so the work follows
    /// the revision log's changes below the point, not the number of keys. The compaction revision is
    /// published first; then the log's changes are walked in batches of
    /// <see cref="StoreOptions.CompactionBatchSize"/>, each under its own hold of the writer gate and the write
    /// lock, so readers and writers interleave, and the log is trimmed last. That is safe: a version a writer
    /// adds is above the compaction revision and survives whether its key was trimmed already or not, and
    /// the log only grows at its end meanwhile. Waits for a snapshot in progress (see <c>_maintenance</c>).
    /// </summary>
    public StoreStatus Compact(long revision)
    {
        _maintenance.Wait();
        try
        {
            (long start, long end) changes;
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
                    changes = _log.PositionsBefore(revision);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }
            for (long from = changes.start; from < changes.end; from += _options.CompactionBatchSize)
            {
                CompactBatch(revision, from, Math.Min(changes.end, from + _options.CompactionBatchSize));
            }
            lock (_writerGate)
            {
                _lock.EnterWriteLock();
                try
                {
                    _log.TrimBefore(revision);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }
            return StoreStatus.Ok;
        }
        finally
        {
            _maintenance.Release();
        }
    }

    /// <summary>Compacts the keys changed at log positions [from, to); a key met twice is a no-op the second time.</summary>
    private void CompactBatch(long revision, long from, long to)
    {
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                for (long p = from; p < to; p++)
                {
                    KeyIndex index = _log.KeyAt(p);
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

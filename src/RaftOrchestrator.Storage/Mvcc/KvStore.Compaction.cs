namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Drops history below <paramref name="revision"/>: afterwards reads and watches below it answer
    /// <see cref="StoreStatus.Compacted"/>, reads at or above it are unchanged, and every change at or
    /// above it stays available to watchers (see <see cref="KeyIndex.Compact"/>).
    ///
    /// The compaction revision is published first, under one short write lock together with trimming
    /// the revision log; the key indexes are then trimmed in batches of
    /// <see cref="StoreOptions.CompactionBatchSize"/> keys, each under its own write lock, so readers
    /// interleave. Writers interleave too (the writer gate is taken per batch): a version they add is above
    /// the compaction revision and survives whether its key was trimmed already or not.
    /// Waits for a snapshot in progress (see <c>_maintenance</c>).
    /// </summary>
    public StoreStatus Compact(long revision)
    {
        _maintenance.Wait();
        try
        {
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
                    _log.TrimBefore(revision);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }
            CompactKeys(revision);
            return StoreStatus.Ok;
        }
        finally
        {
            _maintenance.Release();
        }
    }

    private void CompactKeys(long revision)
    {
        byte[]? resumeAfter = null;
        var emptied = new List<KeyIndex>();
        bool more = true;
        while (more)
        {
            lock (_writerGate)
            {
                _lock.EnterWriteLock();
                try
                {
                    more = CompactBatch(revision, ref resumeAfter, emptied);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }
        }
    }

    /// <summary>Trims up to one batch of keys after <paramref name="resumeAfter"/>; returns true if keys remain.</summary>
    private bool CompactBatch(long revision, ref byte[]? resumeAfter, List<KeyIndex> emptied)
    {
        TreeIndex.Cursor cursor = _tree.Seek(resumeAfter ?? []);
        int visited = 0;
        bool more = false;
        while (cursor.MoveNext())
        {
            KeyIndex index = cursor.Current;
            if (resumeAfter is not null && index.Key.AsSpan().SequenceEqual(resumeAfter))
            {
                continue;
            }
            if (visited == _options.CompactionBatchSize)
            {
                more = true;
                break;
            }
            visited++;
            resumeAfter = index.Key;
            if (index.Compact(revision))
            {
                emptied.Add(index);
            }
        }
        foreach (KeyIndex index in emptied)
        {
            _tree.Remove(index.Key);
        }
        emptied.Clear();
        return more;
    }
}

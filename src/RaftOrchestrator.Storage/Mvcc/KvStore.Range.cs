namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Reads a key or range at a revision. A range longer than <see cref="StoreOptions.ReadBatchSize"/> keys
    /// is scanned in batches, releasing the read lock in between so the writer is never stalled by a large
    /// read. That is consistent: history at or below the read revision does not change, and a compaction at
    /// or below it does not change what a read at it sees; a compaction that overtakes the read revision
    /// mid-scan makes the read answer <see cref="StoreStatus.Compacted"/>.
    /// </summary>
    public RangeResult Range(in RangeRequest request)
    {
        if (!request.Range.IsValid || request.Limit < 0)
        {
            return RangeResult.Failed(StoreStatus.InvalidArgument, CurrentRevision, CompactRevision);
        }
        var scan = new RangeScan(request);
        long rev = 0;
        bool first = true, more = true;
        while (more)
        {
            _lock.EnterReadLock();
            try
            {
                long current = _currentRevision;
                if (first)
                {
                    rev = request.Revision <= 0 ? current : request.Revision;
                    if (rev > current)
                    {
                        return RangeResult.Failed(StoreStatus.FutureRevision, current, _compactRevision);
                    }
                }
                if (rev < _compactRevision)
                {
                    scan.Abandon();
                    return RangeResult.Failed(StoreStatus.Compacted, current, _compactRevision);
                }
                more = Scan(ref scan, rev, _options.ReadBatchSize);
                first = false;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        return scan.Finish(rev, CompactRevision);
    }

    /// <summary>A range in one go; the caller holds the lock and has checked the revision (transactions).</summary>
    private RangeResult RangeCore(in RangeRequest request, long rev)
    {
        var scan = new RangeScan(request);
        Scan(ref scan, rev, int.MaxValue);
        return scan.Finish(rev, _compactRevision);
    }

    /// <summary>Visits up to <paramref name="budget"/> keys of the scan; true if keys remain. Caller holds the lock.</summary>
    private bool Scan(ref RangeScan scan, long rev, int budget)
    {
        RangeRequest request = scan.Request;
        KeyRange range = request.Range;
        if (range.IsSingleKey)
        {
            KeyIndex? index = _tree.Get(range.Key.Span);
            if (index is not null && index.TryGet(rev, out KeyVersion v))
            {
                scan.Offer(index.Key, v);
            }
            return false;
        }
        TreeIndex.Cursor cursor = _tree.Seek(scan.ResumeAfter ?? range.Key.Span);
        bool open = range.IsOpenEnded;
        ReadOnlySpan<byte> end = range.RangeEnd.Span;
        // Resuming: the seek lands on the last key visited unless compaction removed it; skip it once.
        bool skipResumeKey = scan.ResumeAfter is not null;
        int visited = 0;
        while (cursor.MoveNext())
        {
            KeyIndex index = cursor.Current;
            if (skipResumeKey)
            {
                skipResumeKey = false;
                if (ReferenceEquals(index.Key, scan.ResumeAfter) || index.Key.AsSpan().SequenceEqual(scan.ResumeAfter))
                {
                    continue;
                }
            }
            if (!open && index.Key.AsSpan().SequenceCompareTo(end) >= 0)
            {
                return false;
            }
            if (visited++ == budget)
            {
                return true;
            }
            scan.ResumeAfter = index.Key;
            if (index.TryGet(rev, out KeyVersion v))
            {
                scan.Offer(index.Key, v);
            }
        }
        return false;
    }
}

namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>Reads a key or range at a revision (linearizable with respect to this store's writes).</summary>
    public RangeResult Range(in RangeRequest request)
    {
        if (!request.Range.IsValid || request.Limit < 0)
        {
            return RangeResult.Failed(StoreStatus.InvalidArgument, CurrentRevision, CompactRevision);
        }
        _lock.EnterReadLock();
        try
        {
            long current = _currentRevision;
            long rev = request.Revision <= 0 ? current : request.Revision;
            if (rev > current)
            {
                return RangeResult.Failed(StoreStatus.FutureRevision, current, _compactRevision);
            }
            if (rev < _compactRevision)
            {
                return RangeResult.Failed(StoreStatus.Compacted, current, _compactRevision);
            }
            return RangeCore(request, rev);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The range itself; the caller holds the lock and has checked the revision.</summary>
    private RangeResult RangeCore(in RangeRequest request, long rev)
    {
        SortOrder order = request.SortOrder;
        if (order == SortOrder.None && request.SortTarget != SortTarget.Key)
        {
            order = SortOrder.Ascend;   // etcd: a non-key target without an order sorts ascending.
        }
        // Keys come out of the tree ascending, so a limit can stop collecting early unless another order is wanted.
        bool keyOrder = order == SortOrder.None || (order == SortOrder.Ascend && request.SortTarget == SortTarget.Key);
        long collectLimit = request.CountOnly ? 0 : (keyOrder && request.Limit > 0 ? request.Limit : long.MaxValue);

        KeyRange range = request.Range;
        if (range.IsSingleKey)
        {
            KeyIndex? index = _tree.Get(range.Key.Span);
            if (index is null || !index.TryGet(rev, out KeyVersion v) || !PassesFilters(request, v))
            {
                return new RangeResult(StoreStatus.Ok, [], 0, false, rev, _compactRevision);
            }
            KeyValue[] one = collectLimit > 0 ? [v.ToKeyValue(index.Key, request.KeysOnly)] : [];
            return new RangeResult(StoreStatus.Ok, one, 1, false, rev, _compactRevision);
        }

        var kvs = new KeyValueBuffer();
        long count = 0;
        TreeIndex.Cursor cursor = _tree.Seek(range.Key.Span);
        bool open = range.IsOpenEnded;
        ReadOnlySpan<byte> end = range.RangeEnd.Span;
        while (cursor.MoveNext())
        {
            KeyIndex index = cursor.Current;
            if (!open && index.Key.AsSpan().SequenceCompareTo(end) >= 0)
            {
                break;
            }
            if (!index.TryGet(rev, out KeyVersion v) || !PassesFilters(request, v))
            {
                continue;
            }
            count++;
            if (kvs.Count < collectLimit)
            {
                kvs.Add(v.ToKeyValue(index.Key, request.KeysOnly));
            }
        }

        if (!keyOrder)
        {
            Sort(kvs.Span, request.SortTarget, order);
            if (request.Limit > 0)
            {
                kvs.Truncate((int)Math.Min(request.Limit, int.MaxValue));
            }
        }
        bool more = !request.CountOnly && count > kvs.Count;
        return new RangeResult(StoreStatus.Ok, kvs.ToArrayAndReturn(), count, more, rev, _compactRevision);
    }

    private static bool PassesFilters(in RangeRequest r, in KeyVersion v) =>
        (r.MinModRevision == 0 || v.Main >= r.MinModRevision)
        && (r.MaxModRevision == 0 || v.Main <= r.MaxModRevision)
        && (r.MinCreateRevision == 0 || v.CreateRevision >= r.MinCreateRevision)
        && (r.MaxCreateRevision == 0 || v.CreateRevision <= r.MaxCreateRevision);

    private static void Sort(Span<KeyValue> kvs, SortTarget target, SortOrder order)
    {
        Comparison<KeyValue> compare = target switch
        {
            SortTarget.Version => (a, b) => a.Version.CompareTo(b.Version),
            SortTarget.Create => (a, b) => a.CreateRevision.CompareTo(b.CreateRevision),
            SortTarget.Mod => (a, b) => a.ModRevision.CompareTo(b.ModRevision),
            SortTarget.Value => (a, b) => a.Value.Span.SequenceCompareTo(b.Value.Span),
            _ => (a, b) => a.Key.Span.SequenceCompareTo(b.Key.Span),
        };
        // Stable, with key order as the tie-break (the input is in key order).
        var indexed = new (KeyValue kv, int i)[kvs.Length];
        for (int i = 0; i < kvs.Length; i++)
        {
            indexed[i] = (kvs[i], i);
        }
        Array.Sort(indexed, (x, y) =>
        {
            int c = compare(x.kv, y.kv);
            if (order == SortOrder.Descend)
            {
                c = -c;
            }
            return c != 0 ? c : x.i.CompareTo(y.i);
        });
        for (int i = 0; i < kvs.Length; i++)
        {
            kvs[i] = indexed[i].kv;
        }
    }
}

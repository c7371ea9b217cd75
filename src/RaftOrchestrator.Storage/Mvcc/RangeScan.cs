namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The state of one range read across batches: what was collected, how many matched, where to resume.
/// Applies etcd's rules: Count is every key in the range (the min/max filters prune only what is returned),
/// a limit stops collecting early only in key order, everything collected is sorted otherwise, and
/// keys-only strips values after the sort.
/// </summary>
internal struct RangeScan
{
    private readonly bool _keyOrder;
    private readonly SortOrder _order;
    private readonly long _collectLimit;
    private KeyValueBuffer _kvs;
    /// <summary>Every key with a live version in the range (etcd's Count, taken before the min/max filters).</summary>
    private long _count;
    /// <summary>Keys that pass the filters; More says whether some of them were not returned.</summary>
    private long _matched;

    public RangeScan(in RangeRequest request)
    {
        Request = request;
        _order = request.SortOrder == SortOrder.None && request.SortTarget != SortTarget.Key
            ? SortOrder.Ascend   // etcd: a non-key target without an order sorts ascending.
            : request.SortOrder;
        // Keys come out of the tree ascending, so a limit can stop collecting early unless another order is wanted.
        _keyOrder = _order == SortOrder.None || (_order == SortOrder.Ascend && request.SortTarget == SortTarget.Key);
        _collectLimit = request.CountOnly ? 0 : (_keyOrder && request.Limit > 0 ? request.Limit : long.MaxValue);
    }

    /// <summary>A field, not a property: read per key, and a property would copy the whole request each time.</summary>
    public readonly RangeRequest Request;

    /// <summary>The last key visited (a reference to the store's immutable key array).</summary>
    public byte[]? ResumeAfter { get; set; }

    public void Offer(byte[] key, in KeyVersion v)
    {
        _count++;
        if (!PassesFilters(v))
        {
            return;
        }
        _matched++;
        if (_kvs.Count < _collectLimit)
        {
            // A sort by value needs the values: keys-only strips them after sorting (as etcd does).
            _kvs.Add(v.ToKeyValue(key, Request.KeysOnly && Request.SortTarget != SortTarget.Value));
        }
    }

    public RangeResult Finish(long rev, long compactRevision)
    {
        if (!_keyOrder)
        {
            Sort(_kvs.Span, Request.SortTarget, _order);
            if (Request.Limit > 0)
            {
                _kvs.Truncate((int)Math.Min(Request.Limit, int.MaxValue));
            }
            if (Request.KeysOnly)
            {
                foreach (ref KeyValue kv in _kvs.Span)
                {
                    kv = kv with { Value = ReadOnlyMemory<byte>.Empty };
                }
            }
        }
        bool more = !Request.CountOnly && _matched > _kvs.Count;
        return new RangeResult(StoreStatus.Ok, _kvs.ToArrayAndReturn(), _count, more, rev, compactRevision);
    }

    /// <summary>Returns pooled memory when the read is given up.</summary>
    public void Abandon() => _kvs.ToArrayAndReturn();

    private readonly bool PassesFilters(in KeyVersion v) =>
        (Request.MinModRevision == 0 || v.Main >= Request.MinModRevision)
        && (Request.MaxModRevision == 0 || v.Main <= Request.MaxModRevision)
        && (Request.MinCreateRevision == 0 || v.CreateRevision >= Request.MinCreateRevision)
        && (Request.MaxCreateRevision == 0 || v.CreateRevision <= Request.MaxCreateRevision);

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
        var indexed = new (KeyValue Kv, int Index)[kvs.Length];
        for (int i = 0; i < kvs.Length; i++)
        {
            indexed[i] = (kvs[i], i);
        }
        Array.Sort(indexed, (x, y) =>
        {
            int c = compare(x.Kv, y.Kv);
            if (order == SortOrder.Descend)
            {
                c = -c;
            }
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        });
        for (int i = 0; i < kvs.Length; i++)
        {
            kvs[i] = indexed[i].Kv;
        }
    }
}

namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>Evaluates the compares against the state before the transaction, checks the chosen branch, then applies it.</summary>
    private TxnResult TxnCore(TxnRequest request)
    {
        long before = _currentRevision;
        foreach (Compare compare in request.Compares)
        {
            if (!compare.Range.IsValid)
            {
                return new TxnResult(StoreStatus.InvalidArgument, false, [], before);
            }
        }
        bool succeeded = true;
        foreach (Compare compare in request.Compares)
        {
            if (!Holds(compare, before))
            {
                succeeded = false;
                break;
            }
        }
        IReadOnlyList<RequestOp> ops = succeeded ? request.Success : request.Failure;
        for (int i = 0; i < ops.Count; i++)
        {
            StoreStatus status = Check(ops[i], before);
            if (status == StoreStatus.Ok && ops[i] is PutOp { Options: { IgnoreValue: true } or { IgnoreLease: true } } p
                && !LiveAtOp(ops, i, p.Key.Span))
            {
                status = StoreStatus.KeyNotFound;   // the key existed before the transaction but not at this op
            }
            if (status != StoreStatus.Ok)
            {
                return new TxnResult(status, succeeded, [], before);
            }
        }
        var responses = new ResponseOp[ops.Count];
        for (int i = 0; i < ops.Count; i++)
        {
            responses[i] = ops[i] switch
            {
                RangeOp r => new ResponseOp(ResponseOpKind.Range,
                    RangeCore(r.Request, r.Request.Revision > 0 ? r.Request.Revision : ReadRevisionInTxn), default, default),
                PutOp p => new ResponseOp(ResponseOpKind.Put, default, PutCore(p.Key.Span, p.Value.Span, p.Options), default),
                DeleteRangeOp d => new ResponseOp(ResponseOpKind.DeleteRange, default, default, DeleteRangeCore(d.Range, d.PrevKv)),
                _ => throw new ArgumentException($"Unknown request op {ops[i].GetType().Name}.", nameof(request)),
            };
        }
        // Every write op answers with the transaction's revision: the new one if anything changed, else the old.
        long after = ReadRevisionInTxn;
        for (int i = 0; i < responses.Length; i++)
        {
            responses[i] = responses[i].Kind switch
            {
                ResponseOpKind.Put => responses[i] with { Put = responses[i].Put with { Revision = after } },
                ResponseOpKind.DeleteRange => responses[i] with { DeleteRange = responses[i].DeleteRange with { Revision = after } },
                _ => responses[i],
            };
        }
        return new TxnResult(StoreStatus.Ok, succeeded, responses, before);
    }

    /// <summary>Ranges inside a transaction see the changes made by the operations before them.</summary>
    private long ReadRevisionInTxn => _changes.Count > 0 ? _writeMain : _currentRevision;

    private StoreStatus Check(RequestOp op, long current) => op switch
    {
        RangeOp r when !r.Request.Range.IsValid || r.Request.Limit < 0 => StoreStatus.InvalidArgument,
        RangeOp r when r.Request.Revision > current => StoreStatus.FutureRevision,
        RangeOp r when r.Request.Revision > 0 && r.Request.Revision < _compactRevision => StoreStatus.Compacted,
        PutOp p when p.Key.IsEmpty => StoreStatus.InvalidArgument,
        PutOp p => CheckPut(p.Key.Span, p.Options),
        DeleteRangeOp d when !d.Range.IsValid => StoreStatus.InvalidArgument,
        _ => StoreStatus.Ok,
    };

    /// <summary>
    /// Whether a key that was live before the transaction is still live at op <paramref name="index"/>:
    /// the last earlier op that touches it decides (a put keeps it, a delete ends it).
    /// </summary>
    private static bool LiveAtOp(IReadOnlyList<RequestOp> ops, int index, ReadOnlySpan<byte> key)
    {
        for (int i = index - 1; i >= 0; i--)
        {
            switch (ops[i])
            {
                case PutOp put when put.Key.Span.SequenceEqual(key):
                    return true;
                case DeleteRangeOp delete when delete.Range.Contains(key):
                    return false;
            }
        }
        return true;
    }

    private bool Holds(in Compare compare, long rev)
    {
        if (compare.Range.IsSingleKey)
        {
            // The usual guard (one key): straight from the index, nothing allocated.
            KeyIndex? index = _tree.Get(compare.Range.Key.Span);
            return index is not null && index.TryGet(rev, out KeyVersion v)
                ? compare.Matches(v.ToKeyValue(index.Key))
                : compare.Target != CompareTarget.Value && compare.Matches(default);
        }
        RangeResult found = RangeCore(new RangeRequest(compare.Range), rev);
        if (found.Kvs.Length == 0)
        {
            return compare.Target != CompareTarget.Value && compare.Matches(default);
        }
        foreach (KeyValue kv in found.Kvs)
        {
            if (!compare.Matches(kv))
            {
                return false;
            }
        }
        return true;
    }
}

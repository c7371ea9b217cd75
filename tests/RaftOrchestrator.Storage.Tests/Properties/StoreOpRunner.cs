using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Runs one <see cref="StoreOp"/> against the store or the model and answers in canonical form. Revision
/// picks resolve against the revisions of whichever side runs the step, before the step.
/// </summary>
internal static class StoreOpRunner
{
    public static ModelResult OnStore(KvStore store, StoreOp op)
    {
        long current = store.CurrentRevision, compact = store.CompactRevision;
        return op switch
        {
            PutStoreOp p => Observed.Put(store.Put(KeySpace.Bytes(p.Key), KeySpace.Bytes(p.Value), ToOptions(p))),
            DeleteStoreOp d => Observed.Delete(store.DeleteRange(d.Range.ToKeyRange(), d.PrevKv)),
            RangeStoreOp r => Observed.Range(store.Range(r.ToRequest(r.Revision.Resolve(current, compact)))),
            TxnStoreOp t => Observed.Txn(store.Txn(ToRequest(t, current, compact))),
            CompactStoreOp c => new ModelStatusResult(store.Compact(c.Revision.Resolve(current, compact))),
            GrantLeaseStoreOp g => new ModelStatusResult(store.GrantLease(g.Id, g.Ttl)),
            RevokeLeaseStoreOp v => Observed.Delete(store.RevokeLease(v.Id)),
            _ => throw new ArgumentException($"Not a store operation: {op}", nameof(op)),
        };
    }

    public static ModelResult OnModel(MvccModel model, StoreOp op) => op switch
    {
        PutStoreOp p => model.Put(p),
        DeleteStoreOp d => model.DeleteRange(d.Range, d.PrevKv),
        RangeStoreOp r => model.Range(r),
        TxnStoreOp t => model.Txn(t),
        CompactStoreOp c => new ModelStatusResult(model.Compact(c.Revision.Resolve(model.CurrentRevision, model.CompactRevision))),
        GrantLeaseStoreOp g => new ModelStatusResult(model.GrantLease(g.Id, g.Ttl)),
        RevokeLeaseStoreOp v => model.RevokeLease(v.Id),
        _ => throw new ArgumentException($"Not a store operation: {op}", nameof(op)),
    };

    private static PutOptions ToOptions(PutStoreOp p) =>
        new() { Lease = p.Lease, PrevKv = p.PrevKv, IgnoreValue = p.IgnoreValue, IgnoreLease = p.IgnoreLease };

    private static TxnRequest ToRequest(TxnStoreOp t, long current, long compact) => new(
        [.. t.Compares.Select(c => c.ToCompare())],
        [.. t.Success.Select(op => ToRequestOp(op, current, compact))],
        [.. t.Failure.Select(op => ToRequestOp(op, current, compact))]);

    private static RequestOp ToRequestOp(StoreOp op, long current, long compact) => op switch
    {
        PutStoreOp p => new PutOp(KeySpace.Bytes(p.Key), KeySpace.Bytes(p.Value), ToOptions(p)),
        DeleteStoreOp d => new DeleteRangeOp(d.Range.ToKeyRange(), d.PrevKv),
        RangeStoreOp r => new RangeOp(r.ToRequest(r.Revision.Resolve(current, compact))),
        _ => throw new ArgumentException($"Not a transaction operation: {op}", nameof(op)),
    };
}

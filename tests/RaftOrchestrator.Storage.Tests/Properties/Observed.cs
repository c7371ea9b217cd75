using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Converts the store's answers into the model's canonical records, so both render the same way.</summary>
internal static class Observed
{
    public static ModelKv Kv(in KeyValue kv) =>
        new(KeySpace.Text(kv.Key.Span), KeySpace.Text(kv.Value.Span), kv.CreateRevision, kv.ModRevision, kv.Version, kv.Lease);

    public static ModelRangeResult Range(in RangeResult r) =>
        new(r.Status, [.. (r.Kvs ?? []).Select(kv => Kv(kv))], r.Count, r.More, r.Revision, r.CompactRevision);

    public static ModelPutResult Put(in PutResult r) => new(r.Status, r.Revision, r.PrevKv is { } p ? Kv(p) : null);

    public static ModelDeleteResult Delete(in DeleteRangeResult r) =>
        new(r.Status, r.Revision, r.Deleted, [.. (r.PrevKvs ?? []).Select(kv => Kv(kv))]);

    public static ModelTxnResult Txn(in TxnResult r) =>
        new(r.Status, r.Succeeded, [.. (r.Responses ?? []).Select(Response)], r.Revision);

    public static ModelEvent Event(WatchEvent e) =>
        new(e.Revision.Main, e.Revision.Sub, e.Type == WatchEventType.Delete, Kv(e.Kv), e.PrevKv is { } p ? Kv(p) : null);

    private static ModelResult Response(ResponseOp op) => op.Kind switch
    {
        ResponseOpKind.Range => Range(op.Range),
        ResponseOpKind.Put => Put(op.Put),
        _ => Delete(op.DeleteRange),
    };
}

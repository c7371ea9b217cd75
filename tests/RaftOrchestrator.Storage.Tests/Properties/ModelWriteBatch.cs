using System.Collections.Immutable;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// One write transaction of the model in progress: the state as its operations see it (the state before
/// it plus its own changes so far) and the changes, which all get revision current + 1.
/// </summary>
internal sealed class ModelWriteBatch(ImmutableSortedDictionary<string, ModelKv> before, long current)
{
    private readonly ImmutableSortedDictionary<string, ModelKv>.Builder _state = before.ToBuilder();

    /// <summary>The revision the changes get if there are any.</summary>
    public long Revision => current + 1;

    public List<ModelChange> Changes { get; } = [];

    /// <summary>The revision an operation of the transaction reads at (etcd: begin + 1 once something changed).</summary>
    public long ReadRevision => Changes.Count > 0 ? Revision : current;

    public ImmutableSortedDictionary<string, ModelKv> State => _state.ToImmutable();

    /// <summary>The version a put writes over <paramref name="previous"/> (null: the key is not live, a new generation).</summary>
    public static ModelKv Written(ModelKv? previous, string key, string value, long lease, long revision) => previous is null
        ? new ModelKv(key, value, revision, revision, 1, lease)
        : new ModelKv(key, value, previous.CreateRevision, revision, previous.Version + 1, lease);

    public bool IsLive(string key) => _state.ContainsKey(key);

    /// <summary>A put; with IgnoreValue / IgnoreLease the key must be live (the caller checked) and keeps its value / lease.</summary>
    public ModelPutResult Put(PutStoreOp put)
    {
        _state.TryGetValue(put.Key, out ModelKv? previous);
        string value = put.IgnoreValue ? previous!.Value : put.Value;
        long lease = put.IgnoreLease ? previous!.Lease : put.Lease;
        _state[put.Key] = Written(previous, put.Key, value, lease, Revision);
        Changes.Add(new ModelChange(put.Key, false, value, lease));
        return new ModelPutResult(StoreStatus.Ok, Revision, put.PrevKv ? previous : null);
    }

    /// <summary>Deletes the live keys of <paramref name="range"/> in key order.</summary>
    public ModelDeleteResult Delete(RangeSpec range, bool prevKv)
    {
        List<ModelKv> doomed = [.. _state.Values.Where(kv => range.Contains(kv.Key))];
        foreach (ModelKv kv in doomed)
        {
            _state.Remove(kv.Key);
            Changes.Add(new ModelChange(kv.Key, true, "", 0));
        }
        // Standalone, this is the store's revision after the delete; a transaction overrides it (see MvccModel.Txn).
        return new ModelDeleteResult(StoreStatus.Ok, ReadRevision, doomed.Count, prevKv ? doomed : []);
    }
}

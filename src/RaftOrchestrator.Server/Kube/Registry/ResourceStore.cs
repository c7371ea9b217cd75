using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>
/// One kind's objects in the store, at <c>/registry/&lt;resource&gt;/&lt;namespace&gt;/&lt;name&gt;</c>. Every write is one
/// transaction guarded by a compare on the key (absent for a create, the mod revision read for an update or
/// delete): that is the whole of optimistic concurrency. Reads are of the local replica; callers put a read
/// barrier in front of them for linearizable reads.
/// </summary>
public sealed class ResourceStore<T>(ResourceDescriptor<T> descriptor, KubeStore store) where T : class, IKubernetesObject, new()
{
    public ObjectCodec<T> Codec { get; } = new(descriptor);

    public ResourceDescriptor<T> Descriptor => descriptor;

    public KubeStore Store => store;

    /// <summary>The prefix of a namespace's objects, or of all of them when <paramref name="ns"/> is null.</summary>
    public byte[] PrefixBytes(string? ns) =>
        StoreKeys.Bytes(descriptor.Namespaced && !string.IsNullOrEmpty(ns) ? $"{descriptor.KeyPrefix}{ns}/" : descriptor.KeyPrefix);

    public Stored<T>? Get(string? ns, string name)
    {
        RangeResult result = store.Range(new RangeRequest(KeyRange.ForKey(StoreKeys.Bytes(descriptor.Key(ns, name)))));
        if (result.Kvs.Length == 0)
        {
            return null;
        }
        KeyValue kv = result.Kvs[0];
        return new Stored<T>(Codec.Decode(kv.Value, kv.ModRevision), kv.ModRevision, kv.Value);
    }

    /// <summary>
    /// Creates the object if its key is absent, with <paramref name="extraCompares"/> and <paramref name="extraPuts"/>
    /// (reservations) in the same transaction. <see cref="WriteStatus.Exists"/> when any compare failed.
    /// </summary>
    public async Task<WriteOutcome> CreateAsync(T value, IReadOnlyList<Compare> extraCompares, IReadOnlyList<RequestOp> extraPuts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraCompares);
        ArgumentNullException.ThrowIfNull(extraPuts);
        byte[] key = StoreKeys.Bytes(descriptor.Key(value.Metadata.Namespace, value.Metadata.Name!));
        List<RequestOp> success = [new PutOp(key, Codec.Encode(value)), .. extraPuts];
        var txn = new TxnRequest([Compare.CreateRevision(key, CompareResult.Equal, 0), .. extraCompares], success, []);
        return await CommitAsync(txn, WriteStatus.Exists, cancellationToken);
    }

    /// <summary>Replaces the object if it is still at <paramref name="expectedRevision"/>.</summary>
    public Task<WriteOutcome> UpdateAsync(T value, long expectedRevision, CancellationToken cancellationToken) =>
        UpdateAsync(value, expectedRevision, [], cancellationToken);

    /// <summary>Replaces the object if it is still at <paramref name="expectedRevision"/>; <paramref name="extraPuts"/> ride along.</summary>
    public async Task<WriteOutcome> UpdateAsync(T value, long expectedRevision, IReadOnlyList<RequestOp> extraPuts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraPuts);
        byte[] key = StoreKeys.Bytes(descriptor.Key(value.Metadata.Namespace, value.Metadata.Name!));
        var txn = new TxnRequest([Compare.ModRevision(key, CompareResult.Equal, expectedRevision)], [new PutOp(key, Codec.Encode(value)), .. extraPuts], []);
        return await CommitAsync(txn, WriteStatus.Conflict, cancellationToken);
    }

    /// <summary>Deletes the object if it is still at <paramref name="expectedRevision"/>; <paramref name="extra"/> ops ride along.</summary>
    public async Task<WriteOutcome> DeleteAsync(string? ns, string name, long expectedRevision, IReadOnlyList<RequestOp>? extra, CancellationToken cancellationToken)
    {
        byte[] key = StoreKeys.Bytes(descriptor.Key(ns, name));
        List<RequestOp> success = [new DeleteRangeOp(KeyRange.ForKey(key))];
        success.AddRange(extra ?? []);
        var txn = new TxnRequest([Compare.ModRevision(key, CompareResult.Equal, expectedRevision)], success, []);
        return await CommitAsync(txn, WriteStatus.Conflict, cancellationToken);
    }

    private async Task<WriteOutcome> CommitAsync(TxnRequest txn, WriteStatus onCompareFailed, CancellationToken cancellationToken)
    {
        ProposalOutcome outcome = await store.TxnAsync(txn, cancellationToken);
        return outcome.Status switch
        {
            ProposalStatus.Applied when outcome.Result.Txn.Succeeded => new WriteOutcome(WriteStatus.Ok, outcome.Result.Txn.Revision),
            ProposalStatus.Applied => new WriteOutcome(onCompareFailed, outcome.Result.Txn.Revision),
            ProposalStatus.TimedOut => new WriteOutcome(WriteStatus.TimedOut, 0),
            ProposalStatus.TooLarge => new WriteOutcome(WriteStatus.TooLarge, 0),
            _ => new WriteOutcome(WriteStatus.Unavailable, 0),
        };
    }
}

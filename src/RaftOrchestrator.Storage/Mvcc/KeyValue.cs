namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// One version of one key, as etcd's mvccpb.KeyValue. <see cref="Key"/> and <see cref="Value"/> point at
/// the store's own immutable buffers: they stay valid for as long as the caller holds them (the GC keeps
/// them alive) and must never be written through <c>MemoryMarshal</c>.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; empty for a delete or a keys-only read.</param>
/// <param name="CreateRevision">Main revision of the create that started this key's generation.</param>
/// <param name="ModRevision">Main revision of this version.</param>
/// <param name="Version">1 for the create, +1 for each later put in the same generation; 0 for a delete.</param>
/// <param name="Lease">The lease this version is attached to, or 0.</param>
public readonly record struct KeyValue(
    ReadOnlyMemory<byte> Key,
    ReadOnlyMemory<byte> Value,
    long CreateRevision,
    long ModRevision,
    long Version,
    long Lease);

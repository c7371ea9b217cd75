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
    long Lease)
{
    /// <summary>Equal when the bytes and the numbers are equal (not the buffers' identity).</summary>
    public bool Equals(KeyValue other) =>
        CreateRevision == other.CreateRevision && ModRevision == other.ModRevision && Version == other.Version
        && Lease == other.Lease && Key.Span.SequenceEqual(other.Key.Span) && Value.Span.SequenceEqual(other.Value.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Key.Span);
        hash.Add(ModRevision);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{{{System.Text.Encoding.UTF8.GetString(Key.Span)} = {Value.Length} bytes, create {CreateRevision}, mod {ModRevision}, version {Version}, lease {Lease}}}";
}

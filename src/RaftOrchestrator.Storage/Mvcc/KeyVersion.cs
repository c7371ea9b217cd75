namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// One version of a key inside its <see cref="KeyIndex"/>: a put (with its value) or a tombstone.
/// 48 bytes; kept inline in the index, so reading a key's latest version touches one object.
/// </summary>
internal struct KeyVersion
{
    private const int TombstoneBit = 1 << 30;
    private const int SubMask = TombstoneBit - 1;

    public long Main;
    public long CreateRevision;
    public long Version;
    public long Lease;
    /// <summary>Null for a tombstone. The store owns the array and never writes to it after publishing it.</summary>
    public byte[]? Value;
    private int _subAndFlags;

    public static KeyVersion Put(Revision rev, long create, long version, long lease, byte[] value) =>
        new() { Main = rev.Main, _subAndFlags = rev.Sub, CreateRevision = create, Version = version, Lease = lease, Value = value };

    public static KeyVersion Tombstone(Revision rev) =>
        new() { Main = rev.Main, _subAndFlags = rev.Sub | TombstoneBit };

    /// <summary>Rebuilds a version from the parts <see cref="KeyIndex"/> stores flattened.</summary>
    public static KeyVersion FromParts(long main, int subAndFlags, long create, long version, long lease, byte[]? value) =>
        new() { Main = main, _subAndFlags = subAndFlags, CreateRevision = create, Version = version, Lease = lease, Value = value };

    /// <summary>The sub-revision and flags packed as stored.</summary>
    public readonly int SubAndFlags => _subAndFlags;

    public static bool IsTombstoneFlag(int subAndFlags) => (subAndFlags & TombstoneBit) != 0;

    public static int SubOf(int subAndFlags) => subAndFlags & SubMask;

    public readonly int Sub => _subAndFlags & SubMask;

    public readonly bool IsTombstone => (_subAndFlags & TombstoneBit) != 0;

    public readonly Revision Revision => new(Main, Sub);

    public readonly KeyValue ToKeyValue(byte[] key, bool keysOnly = false) => IsTombstone
        ? new KeyValue(key, ReadOnlyMemory<byte>.Empty, 0, Main, 0, 0)
        : new KeyValue(key, keysOnly ? ReadOnlyMemory<byte>.Empty : Value, CreateRevision, Main, Version, Lease);
}

namespace RaftOrchestrator.Storage.Snapshots;

/// <summary>
/// Layout of a store snapshot, format version 1. All integers are 7-bit varints (zig-zag free: revisions,
/// versions and TTLs are non-negative; lease ids are written as unsigned 64-bit), byte strings are a
/// varint length and the bytes.
/// <code>
///   magic "RORSNAP\0" | u16 LE format version
///   currentRevision | compactRevision | logStart (oldest main revision whose changes follow)
///   leaseCount | (leaseId, ttlSeconds) * leaseCount
///   records, each a tag byte:
///     Base   key, value, createRevision, modMain, modSub, version, lease   — newest live version below logStart
///     Put    main, sub, key, value, createRevision, version, lease         — in revision order from logStart
///     Delete main, sub, key
///     End    recordCount
///   u64 LE XxHash3 of every byte above
/// </code>
/// A reader rejects an unknown format version, an unknown tag, a gap in revisions and a checksum mismatch.
/// </summary>
internal static class SnapshotFormat
{
    public static ReadOnlySpan<byte> Magic => "RORSNAP\0"u8;

    public const ushort Version = 1;

    public const byte TagEnd = 0;
    public const byte TagBase = 1;
    public const byte TagPut = 2;
    public const byte TagDelete = 3;
}

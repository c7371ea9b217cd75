using System.Buffers.Binary;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The first eight bytes of a key (or of what follows a node's shared head) as a big-endian integer,
/// zero-padded. Comparing two prefixes orders the keys the same way as comparing their bytes whenever the
/// prefixes differ; equal prefixes need the full comparison ("a" and "a\0" share one). The tree keeps
/// prefixes inline so that a binary search touches one contiguous array instead of chasing a pointer per probe.
/// </summary>
internal static class KeyPrefix
{
    public static ulong Of(ReadOnlySpan<byte> key)
    {
        if (key.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(key);
        }
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        key.CopyTo(padded);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }
}

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// A key or a range of keys with etcd's conventions for <see cref="RangeEnd"/>:
/// empty means the single key <see cref="Key"/>; a single zero byte means every key ≥ <see cref="Key"/>
/// (and with <see cref="Key"/> also a single zero byte, every key); otherwise the half-open range
/// [<see cref="Key"/>, <see cref="RangeEnd"/>). Keys compare as unsigned bytes.
/// </summary>
public readonly record struct KeyRange(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> RangeEnd)
{
    public static KeyRange ForKey(ReadOnlyMemory<byte> key) => new(key, ReadOnlyMemory<byte>.Empty);

    /// <summary>Every key that starts with <paramref name="prefix"/>.</summary>
    public static KeyRange Prefix(ReadOnlyMemory<byte> prefix) => new(prefix, PrefixEnd(prefix.Span));

    /// <summary>Every key in the store.</summary>
    public static KeyRange All { get; } = new(new byte[] { 0 }, new byte[] { 0 });

    public bool IsSingleKey => RangeEnd.IsEmpty;

    /// <summary>True when the range has no upper bound (RangeEnd is "\0").</summary>
    public bool IsOpenEnded => RangeEnd.Length == 1 && RangeEnd.Span[0] == 0;

    /// <summary>
    /// The smallest key greater than every key with this prefix: the prefix with its last byte below 0xff
    /// incremented and the rest dropped. A prefix of only 0xff bytes (or none) has no such key: "\0" (no bound).
    /// </summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] < 0xff)
            {
                byte[] end = prefix[..(i + 1)].ToArray();
                end[i]++;
                return end;
            }
        }
        return [0];
    }

    public bool Contains(ReadOnlySpan<byte> key)
    {
        if (IsSingleKey)
        {
            return key.SequenceEqual(Key.Span);
        }
        if (key.SequenceCompareTo(Key.Span) < 0)
        {
            return false;
        }
        return IsOpenEnded || key.SequenceCompareTo(RangeEnd.Span) < 0;
    }

    /// <summary>Keys are never empty. A bounded end at or below the start is valid and matches nothing (as in etcd).</summary>
    public bool IsValid => !Key.IsEmpty;
}

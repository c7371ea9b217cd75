using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// A key range as the tests describe it. The model decides membership from the kind alone
/// (<see cref="Contains"/>), independently of <see cref="KeyRange"/>, which only the store sees.
/// </summary>
internal sealed record RangeSpec(RangeKind Kind, string Key, string End)
{
    public static RangeSpec Single(string key) => new(RangeKind.Single, key, "");

    public static RangeSpec Interval(string key, string end) => new(RangeKind.Interval, key, end);

    public static RangeSpec Prefix(string prefix) => new(RangeKind.Prefix, prefix, "");

    public static RangeSpec FromKey(string key) => new(RangeKind.FromKey, key, "");

    public static RangeSpec All { get; } = new(RangeKind.All, "", "");

    public static RangeSpec Invalid { get; } = new(RangeKind.Invalid, "", "");

    public bool IsValid => Kind != RangeKind.Invalid;

    public bool Contains(string key) => Kind switch
    {
        RangeKind.Single => string.Equals(key, Key, StringComparison.Ordinal),
        RangeKind.Interval => string.CompareOrdinal(key, Key) >= 0 && string.CompareOrdinal(key, End) < 0,
        RangeKind.Prefix => key.StartsWith(Key, StringComparison.Ordinal),
        RangeKind.FromKey => string.CompareOrdinal(key, Key) >= 0,
        RangeKind.All => true,
        _ => false,
    };

    public KeyRange ToKeyRange() => Kind switch
    {
        RangeKind.Single => KeyRange.ForKey(KeySpace.Bytes(Key)),
        RangeKind.Interval => new KeyRange(KeySpace.Bytes(Key), KeySpace.Bytes(End)),
        RangeKind.Prefix => KeyRange.Prefix(KeySpace.Bytes(Key)),
        RangeKind.FromKey => new KeyRange(KeySpace.Bytes(Key), new byte[] { 0 }),
        RangeKind.All => KeyRange.All,
        _ => KeyRange.ForKey(ReadOnlyMemory<byte>.Empty),
    };

    public override string ToString() => Kind switch
    {
        RangeKind.Single => KeySpace.Quote(Key),
        RangeKind.Interval => $"[{KeySpace.Quote(Key)}, {KeySpace.Quote(End)})",
        RangeKind.Prefix => $"prefix {KeySpace.Quote(Key)}",
        RangeKind.FromKey => $"[{KeySpace.Quote(Key)}, \\0)",
        RangeKind.All => "all",
        _ => "\"\" (invalid)",
    };
}

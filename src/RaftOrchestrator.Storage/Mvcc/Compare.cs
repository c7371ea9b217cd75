namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// One guard of a transaction, as etcd's Compare: every key in <see cref="Range"/> (usually one key) must
/// satisfy "target result operand". A missing key has version, create, mod revision and lease 0; a
/// comparison of the value of a missing key is false (etcd semantics).
/// </summary>
public readonly record struct Compare(KeyRange Range, CompareTarget Target, CompareResult Result, long Number, ReadOnlyMemory<byte> Value)
{
    public static Compare Version(ReadOnlyMemory<byte> key, CompareResult result, long version) =>
        new(KeyRange.ForKey(key), CompareTarget.Version, result, version, default);

    public static Compare CreateRevision(ReadOnlyMemory<byte> key, CompareResult result, long revision) =>
        new(KeyRange.ForKey(key), CompareTarget.Create, result, revision, default);

    public static Compare ModRevision(ReadOnlyMemory<byte> key, CompareResult result, long revision) =>
        new(KeyRange.ForKey(key), CompareTarget.Mod, result, revision, default);

    public static Compare Lease(ReadOnlyMemory<byte> key, CompareResult result, long lease) =>
        new(KeyRange.ForKey(key), CompareTarget.Lease, result, lease, default);

    public static Compare ValueOf(ReadOnlyMemory<byte> key, CompareResult result, ReadOnlyMemory<byte> value) =>
        new(KeyRange.ForKey(key), CompareTarget.Value, result, 0, value);

    internal bool Matches(in KeyValue kv)
    {
        int c = Target switch
        {
            CompareTarget.Version => kv.Version.CompareTo(Number),
            CompareTarget.Create => kv.CreateRevision.CompareTo(Number),
            CompareTarget.Mod => kv.ModRevision.CompareTo(Number),
            CompareTarget.Lease => kv.Lease.CompareTo(Number),
            _ => kv.Value.Span.SequenceCompareTo(Value.Span),
        };
        return Result switch
        {
            CompareResult.Equal => c == 0,
            CompareResult.NotEqual => c != 0,
            CompareResult.Greater => c > 0,
            _ => c < 0,
        };
    }
}

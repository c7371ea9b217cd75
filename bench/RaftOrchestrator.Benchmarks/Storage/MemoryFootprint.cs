using System.Globalization;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// The "memory" mode: bytes of managed heap per key of a store of 1,000,000 keys (32-byte keys, 256-byte values),
/// with one version per key and with five, measured as the difference of <see cref="GC.GetTotalMemory"/> with a
/// forced full collection before and after the store is built. The keys and the value buffer are made before
/// the first measurement and kept alive until the last, so only what the store holds is counted.
///
/// Payload is what a client sent (key bytes once, value bytes per version); overhead is the rest (object
/// headers, the tree, the key index, the revision log). etcd's reference for its in-memory index:
/// about 120 bytes a key plus about 30 bytes a further version (its values live in bbolt, not in the heap).
/// </summary>
internal static class MemoryFootprint
{
    public const int DefaultKeyCount = 1_000_000;

    public static void Run(TextWriter output, int keyCount = DefaultKeyCount)
    {
        output.WriteLine(Invariant($"Store memory, {keyCount:N0} keys, {BenchData.ValueSize}-byte values (GC.GetTotalMemory after full collections)"));
        output.WriteLine();
        byte[][] keys = BenchData.RandomKeys(keyCount);
        byte[] value = BenchData.Value();
        long keyBytes = keys.Sum(k => (long)k.Length);

        Row one = Measure("1 version per key", keys, value, versions: 1, compactAfter: false);
        Row five = Measure("5 versions per key", keys, value, versions: 5, compactAfter: false);
        Row compacted = Measure("5 versions, compacted to 1", keys, value, versions: 5, compactAfter: true);

        output.WriteLine(Invariant($"| {"store",-28} | {"total MiB",9} | {"total B/key",11} | {"payload B/key",13} | {"overhead B/key",14} |"));
        output.WriteLine(Invariant($"|{new string('-', 30)}|{new string('-', 10)}:|{new string('-', 12)}:|{new string('-', 14)}:|{new string('-', 15)}:|"));
        foreach (Row row in new[] { one, five, compacted })
        {
            double total = (double)row.Bytes / keyCount;
            double payload = (double)(keyBytes + ((long)row.LiveVersions * value.Length)) / keyCount;
            output.WriteLine(Invariant(
                $"| {row.Name,-28} | {row.Bytes / 1024.0 / 1024.0,9:F1} | {total,11:F1} | {payload,13:F1} | {total - payload,14:F1} |"));
        }
        output.WriteLine();
        double perKey = (double)one.Bytes / keyCount - (keyBytes / (double)keyCount) - value.Length;
        double perExtraVersion = (double)(five.Bytes - one.Bytes) / keyCount / 4 - value.Length;
        output.WriteLine(Invariant($"c1, overhead per key (1 version):        {perKey,7:F1} B   (etcd index: ~120 B)"));
        output.WriteLine(Invariant($"c2, overhead per extra version:          {perExtraVersion,7:F1} B   (etcd index: ~30 B)"));
        GC.KeepAlive(keys);
        GC.KeepAlive(value);
    }

    private static Row Measure(string name, byte[][] keys, byte[] value, int versions, bool compactAfter)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new KvStore();
        for (int v = 0; v < versions; v++)
        {
            BenchData.Put(store, keys, value);
        }
        if (compactAfter)
        {
            BenchData.Check(store.Compact(store.CurrentRevision));
        }
        long after = GC.GetTotalMemory(forceFullCollection: true);
        int liveVersions = compactAfter ? keys.Length : keys.Length * versions;
        GC.KeepAlive(store);
        store.Dispose();
        return new Row(name, after - before, liveVersions);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Row(string Name, long Bytes, int LiveVersions);
}

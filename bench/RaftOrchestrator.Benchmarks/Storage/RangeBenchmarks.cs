using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// Reads from a store of <see cref="N"/> keys, 100 to a namespace, each written twice: once in a first pass
/// (revisions 1..N) and again in a second pass in another random order (N+1..2N). Reads at the current
/// revision see the second version; reads at revision N see the first one, through the key's history.
/// Every read picks its key or namespace from a fixed random sequence, so reads touch the whole index.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory("Storage", "Range")]
public class RangeBenchmarks : IDisposable
{
    public const int KeysPerNamespace = 100;
    private const int PickCount = 1 << 16;
    private const int PickMask = PickCount - 1;

    private KvStore _store = null!;
    private long _oldRevision;
    private KeyRange[] _keyPicks = null!;
    private KeyRange[] _prefixPicks = null!;
    private int _next;

    [Params(1_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        byte[][] keys = BenchData.NamespacedKeys(N, KeysPerNamespace);
        _store = BenchData.Fill(keys, BenchData.Value(1));
        _oldRevision = _store.CurrentRevision;
        new Random(BenchData.Seed).Shuffle(keys);
        BenchData.Put(_store, keys, BenchData.Value(2));

        _keyPicks = Array.ConvertAll(BenchData.RandomIndexes(PickCount, N), i => KeyRange.ForKey(keys[i]));
        _prefixPicks = Array.ConvertAll(
            BenchData.RandomIndexes(PickCount, N / KeysPerNamespace, seed: 7),
            ns => KeyRange.Prefix(BenchData.NamespacePrefix(ns)));
        if (Get(_prefixPicks[0], 0).Count != KeysPerNamespace)
        {
            throw new InvalidOperationException($"A namespace should hold {KeysPerNamespace} keys.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public RangeResult GetKey() => _store.Range(new RangeRequest(NextKey()));

    [Benchmark]
    public RangeResult GetKeyAtOldRevision() => _store.Range(new RangeRequest(NextKey()) { Revision = _oldRevision });

    [Benchmark]
    public RangeResult RangePrefix100() => _store.Range(new RangeRequest(NextPrefix()));

    [Benchmark]
    public RangeResult RangePrefix100Limit10() => _store.Range(new RangeRequest(NextPrefix()) { Limit = 10 });

    [Benchmark]
    public RangeResult RangePrefix100CountOnly() => _store.Range(new RangeRequest(NextPrefix()) { CountOnly = true });

    [Benchmark]
    public RangeResult RangePrefix100AtOldRevision() =>
        _store.Range(new RangeRequest(NextPrefix()) { Revision = _oldRevision });

    /// <summary>Counts every key of the store (as a Kubernetes "count all pods" does): a scan of the whole index.</summary>
    [Benchmark]
    public RangeResult CountAll() => _store.Range(new RangeRequest(KeyRange.All) { CountOnly = true });

    private RangeResult Get(KeyRange range, long revision) => _store.Range(new RangeRequest(range) { Revision = revision });

    private KeyRange NextKey() => _keyPicks[_next++ & PickMask];

    private KeyRange NextPrefix() => _prefixPicks[_next++ & PickMask];
}

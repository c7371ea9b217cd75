using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// One compaction of a store of <see cref="N"/> random keys with 2 or 3 versions each: every key is put in
/// random order (revisions 1..N), overwritten in another random order (N+1..2N), and every other key is
/// overwritten once more. Each iteration rebuilds that store (not measured) and measures exactly one
/// <see cref="KvStore.Compact"/> call, so Mean is the time of one whole compaction, batches included.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Storage", "Compaction")]
[InvocationCount(1)]
[WarmupCount(2)]
[IterationCount(7)]
public class CompactionBenchmarks : IDisposable
{
    private byte[][] _keys = null!;
    private byte[][] _secondPass = null!;
    private byte[][] _thirdPass = null!;
    private byte[] _value = null!;
    private KvStore? _store;
    private long _firstPassEnd;

    [Params(1_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _keys = BenchData.RandomKeys(N);
        _secondPass = (byte[][])_keys.Clone();
        new Random(BenchData.Seed + 1).Shuffle(_secondPass);
        _thirdPass = _secondPass.Where((_, i) => i % 2 == 0).ToArray();
        _value = BenchData.Value();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _store?.Dispose();
        _store = null;   // let the previous store go before the next one is built
        KvStore store = BenchData.Fill(_keys, _value);
        _firstPassEnd = store.CurrentRevision;
        BenchData.Put(store, _secondPass, _value);
        BenchData.Put(store, _thirdPass, _value);
        _store = store;
    }

    /// <summary>Compacts at the current revision: every key drops to its newest version (N × 1.5 versions go).</summary>
    [Benchmark(Baseline = true)]
    public StoreStatus CompactToCurrent() => Compact(_store!.CurrentRevision);

    /// <summary>
    /// Compacts at the end of the first pass, where every key's first version is still the one a read at that
    /// revision sees: nothing is dropped from the keys, so this is the cost of visiting them (and trimming the log).
    /// </summary>
    [Benchmark]
    public StoreStatus CompactNothingToDrop() => Compact(_firstPassEnd);

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    private StoreStatus Compact(long revision)
    {
        StoreStatus status = _store!.Compact(revision);
        BenchData.Check(status);
        return status;
    }
}

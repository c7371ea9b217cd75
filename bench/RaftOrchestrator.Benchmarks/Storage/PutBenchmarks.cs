using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// Single puts into a store pre-filled with <see cref="N"/> random keys (etcd's "benchmark put"). Mean is the
/// time of one put and Op/s is puts per second (goal: ≥ 1M/s). Each measurement is one batch of puts:
/// <list type="bullet">
/// <item><see cref="Overwrite"/> (baseline): <see cref="BurstBatch"/> overwrites of existing keys picked at random.</item>
/// <item><see cref="Insert"/>: <see cref="BurstBatch"/> keys the store has never seen, at random places in the
///   key space. The batch is small so that the store stays near N keys (at N = 1k it still grows to 2k).</item>
/// <item><see cref="OverwriteSustained"/>: <see cref="SustainedBatch"/> random overwrites. A burst allocates
///   less than one gen0 budget, so it runs without a collection; a sustained run pays for the collections
///   that promote every value the store keeps, which is what a server writing all day sees.</item>
/// </list>
/// Every put adds a version or a key, so the iteration setup (not measured) restores the store before each
/// measurement: it deletes the keys the last batch inserted and compacts away every version but the newest,
/// so every measurement starts from N keys with one version each.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory("Storage", "Put")]
[InvocationCount(1)]
[WarmupCount(3)]
[IterationCount(25)]
public class PutBenchmarks : IDisposable
{
    public const int BurstBatch = 1_000;
    public const int SustainedBatch = 200_000;

    private static readonly byte[] s_sentinel = "/registry/bench/sentinel"u8.ToArray();

    private KvStore _store = null!;
    private byte[] _value = null!;
    /// <summary>Random picks among the existing keys; each batch takes the next ones.</summary>
    private byte[][] _overwrites = null!;
    private int _nextOverwrite;
    /// <summary>Keys never put into the store, in random order; each batch takes (and later deletes) the next ones.</summary>
    private byte[][] _inserts = null!;
    private int _nextInsert;
    private int _insertedFrom;

    [Params(1_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        byte[][] keys = BenchData.RandomKeys(N + (BurstBatch * 64));
        _inserts = keys[N..];
        _value = BenchData.Value();
        _store = BenchData.Fill(keys[..N], _value);
        _overwrites = Array.ConvertAll(BenchData.RandomIndexes(SustainedBatch * 2, N), i => keys[i]);
    }

    [IterationSetup(Targets = [nameof(Overwrite), nameof(OverwriteSustained)])]
    public void ResetOverwrites() => CompactAll();

    [IterationSetup(Target = nameof(Insert))]
    public void ResetInserts()
    {
        for (int i = _insertedFrom; i < _nextInsert; i++)
        {
            _store.DeleteRange(KeyRange.ForKey(_inserts[i]));
        }
        CompactAll();
    }

    /// <summary>Overwrites existing keys picked at random.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BurstBatch)]
    public long Overwrite() => OverwriteNext(BurstBatch);

    /// <summary>Inserts keys the store does not have, at random places in the key space.</summary>
    [Benchmark(OperationsPerInvoke = BurstBatch)]
    public long Insert()
    {
        // The setup deleted and compacted away the keys of the last batch, so they are new again when reused.
        int start = _nextInsert + BurstBatch <= _inserts.Length ? _nextInsert : 0;
        _insertedFrom = start;
        _nextInsert = start + BurstBatch;
        return PutAll(_inserts.AsSpan(start, BurstBatch));
    }

    /// <summary>Overwrites existing keys picked at random, enough of them to go through many collections.</summary>
    [Benchmark(OperationsPerInvoke = SustainedBatch)]
    public long OverwriteSustained() => OverwriteNext(SustainedBatch);

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    private long OverwriteNext(int count)
    {
        int start = _nextOverwrite + count <= _overwrites.Length ? _nextOverwrite : 0;
        _nextOverwrite = start + count;
        return PutAll(_overwrites.AsSpan(start, count));
    }

    private long PutAll(ReadOnlySpan<byte[]> keys)
    {
        KvStore store = _store;
        byte[] value = _value;
        long revision = 0;
        foreach (byte[] key in keys)
        {
            revision = store.Put(key, value).Revision;
        }
        return revision;
    }

    /// <summary>Drops every version but the newest of each key, and every deleted key.</summary>
    private void CompactAll()
    {
        // One more revision, so that the tombstones of the last deletes are below the compaction point too.
        BenchData.Check(_store.Put(s_sentinel, _value).Status);
        BenchData.Check(_store.Compact(_store.CurrentRevision));
        if (_store.IndexedKeyCount != N + 1)
        {
            throw new InvalidOperationException($"Expected {N + 1} keys after the reset, found {_store.IndexedKeyCount}.");
        }
    }
}

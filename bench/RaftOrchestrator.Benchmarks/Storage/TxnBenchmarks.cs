using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// Compare-and-swap transactions (what Kubernetes' optimistic update is): "if mod revision of k is r then put k",
/// against a store of <see cref="N"/> random keys, on keys picked at random. The baseline is a plain put of the
/// same keys, so the ratio is the price of the transaction machinery. Each invocation is <see cref="Batch"/>
/// operations; Mean is per operation, and so is Allocated (which includes building the request, as a server
/// decoding one would).
///
/// As in <see cref="PutBenchmarks"/>, the iteration setup compacts away the versions the last iteration added.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory("Storage", "Txn")]
[InvocationCount(InvocationsPerIteration)]
public class TxnBenchmarks : IDisposable
{
    public const int Batch = 10_000;
    public const int InvocationsPerIteration = 32;

    private KvStore _store = null!;
    private byte[] _value = null!;
    private byte[][] _keys = null!;
    /// <summary>The mod revision of each key of <see cref="_keys"/>, as a client that read it would know it.</summary>
    private long[] _modRevisions = null!;
    private int[] _picks = null!;
    private int _next;

    [Params(1_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _keys = BenchData.RandomKeys(N);
        _value = BenchData.Value();
        _store = new KvStore();
        _modRevisions = new long[N];
        for (int i = 0; i < N; i++)
        {
            PutResult put = _store.Put(_keys[i], _value);
            BenchData.Check(put.Status);
            _modRevisions[i] = put.Revision;
        }
        _picks = BenchData.RandomIndexes(Batch * InvocationsPerIteration, N);
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _next = 0;
        if (_store.CurrentRevision > _store.CompactRevision)   // a conflict run writes nothing to compact
        {
            BenchData.Check(_store.Compact(_store.CurrentRevision));
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Put()
    {
        long revision = 0;
        foreach (int k in NextBatch())
        {
            revision = _store.Put(_keys[k], _value).Revision;
            _modRevisions[k] = revision;
        }
        return revision;
    }

    /// <summary>A CAS that succeeds: the compare uses the key's current mod revision.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long CompareAndSwap()
    {
        long revision = 0;
        foreach (int k in NextBatch())
        {
            TxnResult result = _store.Txn(CasRequest(_keys[k], _modRevisions[k]));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The compare-and-swap should have succeeded.");
            }
            revision = result.Revision;
            _modRevisions[k] = revision;
        }
        return revision;
    }

    /// <summary>A CAS that loses a race: the compare uses a stale mod revision, so nothing is written.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long CompareAndSwapConflict()
    {
        long revision = 0;
        foreach (int k in NextBatch())
        {
            TxnResult result = _store.Txn(CasRequest(_keys[k], _modRevisions[k] - 1));
            if (result.Succeeded)
            {
                throw new InvalidOperationException("The compare-and-swap should have failed.");
            }
            revision = result.Revision;
        }
        return revision;
    }

    private TxnRequest CasRequest(byte[] key, long modRevision) => new(
        [Compare.ModRevision(key, CompareResult.Equal, modRevision)],
        [new PutOp(key, _value)],
        []);

    private ReadOnlySpan<int> NextBatch()
    {
        int start = _next;
        if (start + Batch > _picks.Length)
        {
            throw new InvalidOperationException(
                $"More than {InvocationsPerIteration} invocations in one iteration: keep [InvocationCount] in step.");
        }
        _next = start + Batch;
        return _picks.AsSpan(start, Batch);
    }
}

using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Storage;
using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// The writer's cost of one put that <see cref="W"/> synced watchers of the same key receive: the put returns
/// after the hub has enqueued a response for every one of them, so Mean is the fan-out time (goal: ≤ 1 ms for
/// 10,000 watchers). Two layouts: every watcher on its own <see cref="WatchStream"/> (one gRPC Watch call per
/// client, the common case) and all watchers on one stream (a proxy multiplexing them), whose capacity is
/// raised so it never fills. The baseline is a put of a key nobody watches, in the same hub.
///
/// The iteration setup (not measured) reads every stream empty, so no watcher ever becomes a victim; it
/// checks that all W are still synced.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory("Storage", "Watch")]
[InvocationCount(InvocationsPerIteration)]
public class WatchFanOutBenchmarks : IDisposable
{
    /// <summary>Puts between two drains; below the default stream capacity (128), so per-watcher streams never fill.</summary>
    public const int InvocationsPerIteration = 120;

    private static readonly byte[] s_watchedKey = BenchData.PodKey(0, 0);
    private static readonly byte[] s_unwatchedKey = BenchData.PodKey(0, 1);

    private readonly byte[] _value = BenchData.Value();
    private KvStore _kv = null!;
    private WatchableStore _hub = null!;
    private WatchStream[] _streams = [];

    [Params(1, 1_000, 10_000)]
    public int W { get; set; }

    [GlobalSetup(Targets = [nameof(PutUnwatchedKey), nameof(FanOutStreamPerWatcher)])]
    public void SetupStreamPerWatcher()
    {
        _kv = new KvStore();
        _hub = new WatchableStore(_kv);
        _streams = new WatchStream[W];
        for (int i = 0; i < W; i++)
        {
            _streams[i] = _hub.NewWatchStream();
            Watch(_streams[i]);
        }
        Prime();
    }

    [GlobalSetup(Target = nameof(FanOutSharedStream))]
    public void SetupSharedStream()
    {
        var options = new StoreOptions { WatchStreamCapacity = W * InvocationsPerIteration * 4 };
        _kv = new KvStore(options);
        _hub = new WatchableStore(_kv);
        _streams = [_hub.NewWatchStream()];
        for (int i = 0; i < W; i++)
        {
            Watch(_streams[0]);
        }
        Prime();
    }

    [IterationSetup]
    public void Drain()
    {
        foreach (WatchStream stream in _streams)
        {
            while (stream.TryRead(out _))
            {
            }
        }
        (int synced, int unsynced, int victims) = _hub.WatcherCounts;
        if (synced != W || unsynced != 0 || victims != 0)
        {
            throw new InvalidOperationException(
                $"Expected {W} synced watchers, found {synced} synced, {unsynced} unsynced, {victims} victims.");
        }
    }

    [Benchmark(Baseline = true)]
    public PutResult PutUnwatchedKey() => _kv.Put(s_unwatchedKey, _value);

    [Benchmark]
    public PutResult FanOutStreamPerWatcher() => _kv.Put(s_watchedKey, _value);

    [Benchmark]
    public PutResult FanOutSharedStream() => _kv.Put(s_watchedKey, _value);

    [GlobalCleanup]
    public void Dispose()
    {
        foreach (WatchStream stream in _streams)
        {
            stream.Dispose();
        }
        _hub?.Dispose();
        _kv?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Watch(WatchStream stream)
    {
        WatchCreateResult created = stream.Watch(new WatchRequest(KeyRange.ForKey(s_watchedKey)));
        BenchData.Check(created.Status);
    }

    /// <summary>Both keys exist before measuring, so every measured put is an overwrite with a previous version.</summary>
    private void Prime()
    {
        BenchData.Check(_kv.Put(s_watchedKey, _value).Status);
        BenchData.Check(_kv.Put(s_unwatchedKey, _value).Status);
    }
}

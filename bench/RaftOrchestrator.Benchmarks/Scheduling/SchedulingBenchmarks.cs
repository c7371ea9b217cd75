using BenchmarkDotNet.Attributes;
using RaftOrchestrator.Scheduling;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Benchmarks.Scheduling;

/// <summary>
/// One scheduling cycle of one pod against a snapshot of <see cref="Nodes"/> nodes, each already running
/// <see cref="PodsPerNode"/> basic pods (scheduler_perf's init pods), with the default profile: PreFilter, Filter
/// until 10% of 5,000 nodes are feasible (from the rotating start), Score, select. The pod's PodInfo is built once
/// (the driver builds it when the pod enters the queue). <c>CycleWithAssume</c> is the driver's whole per-pod
/// loop on the scheduler side: build the PodInfo, schedule, assume onto the cache, refresh the snapshot (one node
/// copied), then forget it again so every operation sees the same cluster.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[BenchmarkCategory("Scheduling")]
public class SchedulingBenchmarks
{
    private readonly CycleState _state = new();
    private SchedulerCache _cache = null!;
    private Snapshot _snapshot = null!;
    private Scheduler _scheduler = null!;
    private PodInfo _basic = null!;
    private PodInfo _affinity = null!;
    private Api.Core.Pod _rawPod = null!;

    [Params(5_000)]
    public int Nodes { get; set; }

    [Params(1)]
    public int PodsPerNode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cache = new SchedulerCache();
        for (int i = 0; i < Nodes; i++)
        {
            _cache.AddNode(SchedulingBenchData.Node(i));
        }
        int p = 0;
        for (int i = 0; i < Nodes; i++)
        {
            for (int k = 0; k < PodsPerNode; k++)
            {
                Api.Core.Pod pod = SchedulingBenchData.Pod(p++);
                pod.Spec.NodeName = SchedulingBenchData.Node(i).Metadata.Name;
                _cache.AddPod(pod);
            }
        }
        _snapshot = new Snapshot();
        _cache.UpdateSnapshot(_snapshot);
        _scheduler = new Scheduler(SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create()), seed: 42);
        _basic = PodInfo.Create(SchedulingBenchData.Pod(1_000_000));
        _affinity = PodInfo.Create(SchedulingBenchData.AffinityPod(1_000_001));
        _rawPod = SchedulingBenchData.Pod(1_000_002);
    }

    [Benchmark(Baseline = true)]
    public string? BasicPod()
    {
        _state.Reset();
        return _scheduler.Schedule(_state, _basic, _snapshot).SuggestedHost;
    }

    [Benchmark]
    public string? NodeAffinityPod()
    {
        _state.Reset();
        return _scheduler.Schedule(_state, _affinity, _snapshot).SuggestedHost;
    }

    [Benchmark]
    public string? CycleWithAssume()
    {
        var pod = PodInfo.Create(_rawPod);
        _state.Reset();
        string host = _scheduler.Schedule(_state, pod, _snapshot).SuggestedHost!;
        _cache.AssumePod(pod, host);
        _cache.UpdateSnapshot(_snapshot);
        _cache.ForgetPod(pod.Uid);
        _cache.UpdateSnapshot(_snapshot);
        return host;
    }
}

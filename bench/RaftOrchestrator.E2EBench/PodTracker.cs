using RaftOrchestrator.BenchHarness.Pods;
namespace RaftOrchestrator.E2EBench;

/// <summary>
/// Every pod of the run's namespace, by name, with the times its stages were first seen on the watch. Stages only
/// move forward (a pod seen Ready stays counted Ready), and a stage seen without its predecessors (a pod first seen
/// already bound, after a relist) fills them in with the same time.
/// </summary>
/// <remarks><see cref="_lock"/> guards the table and the counts: the watch task writes, the sampler and the report read.</remarks>
internal sealed class PodTracker(string @namespace)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, PodTimes> _pods = new(StringComparer.Ordinal);
    private int _bound;
    private int _running;
    private int _ready;
    private long _lastReady;

    public PodCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new PodCounts(_pods.Count, _bound, _running, _ready);
            }
        }
    }

    /// <summary>Stopwatch timestamp of the latest Ready seen (0: none yet).</summary>
    public long LastReady
    {
        get
        {
            lock (_lock)
            {
                return _lastReady;
            }
        }
    }

    public void Observe(in PodFrame pod, long now)
    {
        if (pod.Namespace != @namespace || pod.Name is null || pod.Type is not ("ADDED" or "MODIFIED" or "LISTED"))
        {
            return;
        }
        lock (_lock)
        {
            if (!_pods.TryGetValue(pod.Name, out PodTimes? times))
            {
                _pods[pod.Name] = times = new PodTimes { Seen = now };
            }
            bool running = pod.Phase == "Running";
            bool ready = running && pod.Ready;
            if ((pod.Bound || running) && times.Bound == 0)
            {
                times.Bound = now;
                _bound++;
            }
            if (running && times.Running == 0)
            {
                times.Running = now;
                _running++;
            }
            if (ready && times.Ready == 0)
            {
                times.Ready = now;
                _ready++;
                _lastReady = now;
            }
        }
    }

    /// <summary>A copy of every pod's times, for the report.</summary>
    public PodTimes[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _pods.Values.Select(t => new PodTimes { Seen = t.Seen, Bound = t.Bound, Running = t.Running, Ready = t.Ready })];
        }
    }
}
